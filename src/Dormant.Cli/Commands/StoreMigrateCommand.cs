using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Cli.Options;
using Dormant.Core.Errors;

namespace Dormant.Cli.Commands;

/// <summary>Creates the store or brings its schema to this version, so a DBA can run it once, before any runner does.</summary>
public sealed class StoreMigrateCommand : DormantCommand
{
    private readonly StoreOptions _store;

    public StoreMigrateCommand(CliEnvironment env, StoreOptions store) : base("migrate", "Create the store or migrate its schema; prints the version", env)
    {
        HelpExamples.Add(this, "dormant store migrate --store postgres://dormant@db.example.com:5432/dormant", "dormant store migrate --store ./dormant.db");
        _store = store;
    }

    protected override Task<int> ExecuteAsync(ParseResult parse, CliContext ctx, CancellationToken ct)
    {
        var target = _store.Target(parse, ctx);
        using var store = StoreAccess.Open(target, ctx, create: true);
        var version = target.Server is null ? Dormant.Store.Sqlite.SqliteRunStore.SchemaVersion : Dormant.Store.Postgres.PostgresRunStore.SchemaVersion;
        ctx.Text.WriteLine($"store {Rendering.TerminalText.Escape(store.Location)} is at schema version {version}");
        if (ctx.Json) Rendering.JsonOutput.Write(ctx, "dormant.store/v1", new { store = store.Location, schemaVersion = version });
        return Task.FromResult(ExitCodes.Done);
    }
}
