using System.CommandLine;
using Dormant.Cli.Options;
using Dormant.Core.Store;
using Dormant.Store.Postgres;
using Dormant.Store.Sqlite;

namespace Dormant.Cli.Infrastructure;

public static class StoreAccess
{
    /// <summary>For commands that open the store only after reading the tenant: where it is is checked first.</summary>
    public static void Check(StoreOptions options, ParseResult parse, CliContext ctx) => options.Target(parse, ctx);

    public static IRunStore Open(StoreOptions options, ParseResult parse, CliContext ctx) => Open(options.Target(parse, ctx), ctx, create: true);

    /// <summary>
    /// For commands that only read: a store that is not there is a mistyped path, not a new store,
    /// so nothing is created (no folder, no empty database, no schema).
    /// </summary>
    public static IRunStore OpenExisting(StoreOptions options, ParseResult parse, CliContext ctx) => Open(options.Target(parse, ctx), ctx, create: false);

    public static IRunStore Open(StoreTarget target, CliContext ctx, bool create)
    {
        if (target.Server is { } url) return PostgresRunStore.Open(url, PgLogin.From(ctx.Variable), create);
        if (!create && !File.Exists(target.File))
            throw new Dormant.Core.Errors.UsageException($"no store at {target.File}; check --store (or DORMANT_STORE), or scan first to create it");
        return SqliteRunStore.Open(target.File!);
    }
}
