using System.CommandLine;
using Dormant.Cli.Options;
using Dormant.Core.Store;
using Dormant.Store.Sqlite;

namespace Dormant.Cli.Infrastructure;

public static class StoreAccess
{
    public static IRunStore Open(StoreOptions options, ParseResult parse, CliContext ctx) =>
        SqliteRunStore.Open(options.Path(parse, ctx));
}
