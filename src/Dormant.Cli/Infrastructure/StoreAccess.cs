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
}
