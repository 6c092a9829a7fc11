using System.CommandLine;

namespace Dormant.Cli.Options;

public sealed class StoreOptions
{
    public Option<string?> Store { get; } = new("--store") { Description = "SQLite store (default: DORMANT_STORE, else user data folder)", Recursive = true };

    public string Path(ParseResult parse, Infrastructure.CliContext ctx)
    {
        var given = parse.GetValue(Store) ?? ctx.Variable("DORMANT_STORE");
        if (string.IsNullOrWhiteSpace(given)) return ctx.Env.DefaultStorePath();
        var path = System.IO.Path.GetFullPath(given, ctx.Env.WorkingDirectory);
        return Directory.Exists(path) ? throw new Dormant.Core.Errors.UsageException($"{Store.Name} {given} is a directory; name the store file") : path;
    }
}
