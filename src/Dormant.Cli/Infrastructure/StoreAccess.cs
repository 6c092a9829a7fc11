using System.CommandLine;
using Dormant.Cli.Options;
using Dormant.Core.Store;
using Dormant.Store.Sqlite;

namespace Dormant.Cli.Infrastructure;

public static class StoreAccess
{
    /// <summary>For commands that open the store only after reading the tenant: its path is checked first.</summary>
    public static void Check(StoreOptions options, ParseResult parse, CliContext ctx) => options.Path(parse, ctx);

    public static IRunStore Open(StoreOptions options, ParseResult parse, CliContext ctx) =>
        SqliteRunStore.Open(options.Path(parse, ctx));

    /// <summary>
    /// For commands that only read: a store that is not there is a mistyped path, not a new store,
    /// so nothing is created (no folder, no empty database).
    /// </summary>
    public static IRunStore OpenExisting(StoreOptions options, ParseResult parse, CliContext ctx)
    {
        var path = options.Path(parse, ctx);
        if (!File.Exists(path))
            throw new Dormant.Core.Errors.UsageException($"no store at {path}; check --store (or DORMANT_STORE), or scan first to create it");
        return SqliteRunStore.Open(path);
    }
}
