using Dormant.Store.Postgres;

namespace Dormant.Cli.Options;

/// <summary>Which store a command uses: a SQLite file, or a PostgreSQL database for a team.</summary>
public sealed record StoreTarget(string? File, StoreUrl? Server)
{
    public static StoreTarget OfFile(string path) => new(path, null);

    public static StoreTarget OfServer(StoreUrl url) => new(null, url);

    /// <summary>As messages show it: the path, or the URL (which never holds a password).</summary>
    public override string ToString() => File ?? Server!.ToString();
}
