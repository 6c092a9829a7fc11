using Dormant.Core.Notices;
using Dormant.Core.Plans;
using Dormant.Simulators.Atlassian;
using Dormant.Store.Sqlite;
using Dormant.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Dormant.Tests.Chain;

/// <summary>
/// A store with a row in every chained table, made the user's way: plan, apply and restore on a simulator,
/// a keep-access entry, and a notice record. Hand edits go through raw Microsoft.Data.Sqlite, as sqlite3 would.
/// </summary>
public sealed class ChainedStore : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly TempDir _dir = new();

    private ChainedStore(AtlassianFixture sim)
    {
        Sim = sim;
        Cli = new CliHarness(_dir.Path);
        sim.Expose(Cli);
        Cli.Variables["DORMANT_STORE"] = Path;
    }

    public AtlassianFixture Sim { get; }
    public CliHarness Cli { get; }
    public string Path => _dir.File("s.db");
    public string PlanId { get; private set; } = "";

    public static async Task<ChainedStore> StartAsync()
    {
        var users = new List<SimUser> { Users.Person("idle", Now.AddDays(-400)), Users.Person("keeper", Now.AddDays(-400)) };
        users.AddRange(Enumerable.Range(1, 6).Select(i => Users.Person($"busy{i}", Now.AddDays(-2))));
        return new ChainedStore(await AtlassianFixture.StartAsync(Users.Tenant([.. users])));
    }

    /// <summary>Plans, applies, then restores; keeps one account; records one notice.</summary>
    public async Task FillAsync()
    {
        await Ok("keep", "keeper@example.com", "-c", "atlassian", "--until", Now.AddDays(30).ToString("yyyy-MM-dd"), "--reason", "on leave");
        await Ok("plan", "-c", "atlassian", "-o", "plan.json");
        PlanId = PlanFile.Read(_dir.File("plan.json")).Plan.PlanId;
        await Ok("apply", "plan.json", "--yes");
        await Ok("restore", PlanId);
        using var store = SqliteRunStore.Open(Path);
        await store.AppendNoticeAsync(new NoticeRecord("atlassian", "org-test", "idle", "idle@example.com", PlanId, "email",
            NoticePhase.Sent, "sent to idle@example.com", Now), default);
    }

    public async Task<CliResult> Ok(params string[] args)
    {
        var r = await Cli.RunAsync(args);
        Assert.True(r.ExitCode == 0, $"dormant {string.Join(' ', args)}: {r.All}");
        return r;
    }

    public object? Scalar(string sql)
    {
        using var raw = Raw();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public int Sql(string sql)
    {
        using var raw = Raw();
        using var command = raw.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Changes one byte of one text value (the chosen row's column), the smallest edit a person can make.</summary>
    public void FlipOneByte(string table, string column, string where)
    {
        using var raw = Raw();
        using var read = raw.CreateCommand();
        read.CommandText = $"SELECT rowid, {column} FROM {table} WHERE {where} LIMIT 1";
        using var reader = read.ExecuteReader();
        Assert.True(reader.Read(), $"no {table} row where {where}");
        var (rowid, text) = (reader.GetInt64(0), reader.GetString(1));
        reader.Close();
        var chars = text.ToCharArray();
        var at = chars.Length / 2;
        chars[at] = (char)(chars[at] ^ 1);
        using var write = raw.CreateCommand();
        write.CommandText = $"UPDATE {table} SET {column} = $v WHERE rowid = $r";
        write.Parameters.AddWithValue("$v", new string(chars));
        write.Parameters.AddWithValue("$r", rowid);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    private SqliteConnection Raw()
    {
        var raw = new SqliteConnection($"Data Source={Path};Pooling=False");
        raw.Open();
        return raw;
    }

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        _dir.Dispose();
    }
}
