using System.Diagnostics;
using Dormant.Core.Accounts;
using Dormant.Core.Policy;
using Dormant.Core.Store;
using Dormant.Store.Postgres;
using Dormant.Store.Sqlite;
using Npgsql;

namespace Dormant.Bench.Store;

/// <summary>
/// "store" mode: the store's own share of a run on each backend — a 100,000-account scan's decisions
/// (one transaction), a 1,000-account apply's writes (backup, intent, outcome per account, each
/// committed before the next, as the engine does), and verifying the resulting chain. PostgreSQL is the server named by --postgres or
/// DORMANT_TEST_POSTGRES, in a database made for the run and dropped after it.
/// </summary>
internal static class StoreBench
{
    public const string Usage = "usage: dotnet run -c Release --project bench/Dormant.Bench -- store [--postgres postgres://USER@HOST:PORT/DB] [--decisions 100000] [--accounts 1000]";

    public static async Task<int> RunAsync(string[] args)
    {
        string? server = Environment.GetEnvironmentVariable("DORMANT_TEST_POSTGRES");
        int decisions = 100_000, accounts = 1_000;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--postgres": server = Next(); break;
                case "--decisions": decisions = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--accounts": accounts = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}; {Usage}");
            }
        }
        if (string.IsNullOrWhiteSpace(server)) throw new ArgumentException($"no PostgreSQL server: pass --postgres or run under scripts/with-postgres; {Usage}");

        var folder = Directory.CreateTempSubdirectory("dormant-store-bench-").FullName;
        var url = StoreUrl.Parse(server);
        var database = url.WithDatabase("dormant_bench_" + Guid.NewGuid().ToString("N")[..12]);
        await ExecuteAsync(url, $"CREATE DATABASE {database.Database}");
        try
        {
            var sqlite = await MeasureAsync(() => SqliteRunStore.Open(Path.Combine(folder, "bench.db")), decisions, accounts);
            var postgres = await MeasureAsync(() => PostgresRunStore.Open(database, PgLogin.From(Environment.GetEnvironmentVariable)), decisions, accounts);
            Console.WriteLine($"| store write | sqlite | postgresql | postgresql ÷ sqlite |");
            Console.WriteLine($"|---|--:|--:|--:|");
            Console.WriteLine($"| scan: {decisions:N0} decisions, one transaction | {sqlite.Scan.TotalSeconds:F2} s | {postgres.Scan.TotalSeconds:F2} s | {postgres.Scan / sqlite.Scan:F2} |");
            Console.WriteLine($"| apply: {accounts:N0} accounts × 3 committed writes | {sqlite.Apply.TotalSeconds:F2} s | {postgres.Apply.TotalSeconds:F2} s | {postgres.Apply / sqlite.Apply:F2} |");
            Console.WriteLine($"| apply: per committed write | {sqlite.Apply.TotalMilliseconds / (3.0 * accounts):F2} ms | {postgres.Apply.TotalMilliseconds / (3.0 * accounts):F2} ms | |");
            Console.WriteLine($"| verify the chain: {sqlite.Links:N0} links, {decisions + 3 * accounts:N0} rows | {sqlite.Verify.TotalSeconds:F2} s | {postgres.Verify.TotalSeconds:F2} s | {postgres.Verify / sqlite.Verify:F2} |");
            return 0;
        }
        finally
        {
            await ExecuteAsync(url, $"DROP DATABASE IF EXISTS {database.Database} WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(TimeSpan Scan, TimeSpan Apply, TimeSpan Verify, long Links)> MeasureAsync(Func<IRunStore> open, int decisions, int accounts)
    {
        using var store = open();
        var rows = Enumerable.Range(0, decisions).Select(i => new Decision(
            $"U{i}", $"user{i}@bench.test", i % 3 == 0 ? Category.Inactive : Category.Active, "bench",
            DateTimeOffset.UtcNow.AddDays(-i % 400), i % 400, "audit-log", AccountStatus.Active)).ToList();
        var clock = Stopwatch.StartNew();
        await store.SaveDecisionsAsync("bench-scan", rows, CancellationToken.None);
        var scan = clock.Elapsed;

        clock.Restart();
        for (var i = 0; i < accounts; i++)
        {
            var id = $"U{i}";
            await store.SaveBackupAsync(new AccountBackup("bench-apply", id, id, """{"status":"active"}""", DateTimeOffset.UtcNow), CancellationToken.None);
            await store.AppendJournalAsync(new JournalEntry("bench-apply", id, "suspend", JournalPhase.Intent, "", DateTimeOffset.UtcNow), CancellationToken.None);
            await store.AppendJournalAsync(new JournalEntry("bench-apply", id, "suspend", JournalPhase.Done, "", DateTimeOffset.UtcNow), CancellationToken.None);
        }

        var apply = clock.Elapsed;

        // What every apply pays before it starts: the whole chain, checked.
        clock.Restart();
        var report = await store.VerifyChainAsync(CancellationToken.None);
        if (!report.Intact) throw new InvalidOperationException($"the bench's own store does not verify: {report.Break!.Message}");
        return (scan, apply, clock.Elapsed, report.Head.Links);
    }

    private static async Task ExecuteAsync(StoreUrl url, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresRunStore.ConnectionString(url, PgLogin.From(Environment.GetEnvironmentVariable)));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
