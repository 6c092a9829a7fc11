using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;
using Dormant.Store.Postgres;

namespace Dormant.Cli.Commands;

/// <summary>Moves a whole SQLite history into a new PostgreSQL store, when a team outgrows one admin's file.</summary>
public sealed class StoreCopyCommand : DormantCommand
{
    private readonly Option<string> _from = new("--from") { Description = "The SQLite store file to copy", Required = true };
    private readonly Option<string> _to = new("--to") { Description = "The empty PostgreSQL store: postgres://USER@HOST:PORT/DB", Required = true };

    public StoreCopyCommand(CliEnvironment env) : base("copy", "Copy a SQLite store's whole history into an empty PostgreSQL store", env)
    {
        HelpExamples.Add(this, "dormant store copy --from dormant.db --to postgres://dormant@db.example.com:5432/dormant");
        Options.Add(_from);
        Options.Add(_to);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var from = Path.GetFullPath(parse.GetValue(_from)!, ctx.Env.WorkingDirectory);
        if (!File.Exists(from)) throw new UsageException($"no store at {from}; --from names the SQLite store file to copy");
        var to = parse.GetValue(_to)!;
        if (!StoreUrl.IsPostgres(to)) throw new UsageException("--to takes a PostgreSQL store: postgres://USER@HOST:PORT/DB");
        using var target = PostgresRunStore.Open(StoreUrl.Parse(to), PgLogin.From(ctx.Variable));
        var copied = await SqliteImport.CopyAsync(from, target, ct);
        foreach (var (table, rows) in copied) ctx.Text.WriteLine($"{table}\t{rows}");
        // The copy committed only because it verified with the file's head: say which, so it can be quoted.
        var head = await target.GetChainHeadAsync(ct);
        ctx.Say($"chain intact on both: {head.Links} links, head {head.Hash}");
        ctx.Say($"copied {copied.Sum(c => c.Rows)} rows of {Rendering.TerminalText.Escape(from)} into {target.Location}; point --store (or DORMANT_STORE, or store: in the config) at it");
        if (ctx.Json)
            Rendering.JsonOutput.Write(ctx, "dormant.store-copy/v1", new { from, to = target.Location, tables = copied.Select(c => new { table = c.Table, rows = c.Rows }).ToList(),
                chain = new { links = head.Links, head = head.Hash } });
        return ExitCodes.Done;
    }
}
