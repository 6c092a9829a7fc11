using System.CommandLine;
using Dormant.Core.Errors;
using Dormant.Store.Postgres;

namespace Dormant.Cli.Options;

public sealed class StoreOptions
{
    public Option<string?> Store { get; } = new("--store")
    {
        Description = "SQLite file or postgres:// URL (default: DORMANT_STORE)",
        Recursive = true,
    };

    /// <summary>The flag, else DORMANT_STORE, else the config file's store:, else the file in the user's data folder.</summary>
    public StoreTarget Target(ParseResult parse, Infrastructure.CliContext ctx)
    {
        var given = parse.GetValue(Store) ?? ctx.Variable("DORMANT_STORE");
        var name = given is null ? null : Store.Name;
        if (string.IsNullOrWhiteSpace(given) && ConfigOptions.Load(parse, ctx) is { Store: { } configured } config)
            (given, name) = (configured, $"store: in {config.Path}");
        if (string.IsNullOrWhiteSpace(given)) return StoreTarget.OfFile(ctx.Env.DefaultStorePath());
        if (StoreUrl.IsPostgres(given)) return StoreTarget.OfServer(StoreUrl.Parse(given.Trim()));
        var path = System.IO.Path.GetFullPath(given, ctx.Env.WorkingDirectory);
        return Directory.Exists(path) ? throw new UsageException($"{name} {given} is a directory; name the store file") : StoreTarget.OfFile(path);
    }

    /// <summary>
    /// The store file, which backups sit beside by default; a server store has no file here, so its
    /// backups go where the default file store would be (the user's data folder).
    /// </summary>
    public string Path(ParseResult parse, Infrastructure.CliContext ctx) => Target(parse, ctx).File ?? ctx.Env.DefaultStorePath();
}
