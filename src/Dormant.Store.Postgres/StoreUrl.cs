using Dormant.Core.Errors;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// A PostgreSQL store named as postgres://USER@HOST:PORT/DB. The URL never carries the password:
/// URLs end up in shell history, config files, process lists and our own messages, so one that
/// holds a password is refused before it is used, and the password comes from the environment.
/// </summary>
public sealed record StoreUrl(string? User, string Host, int Port, string Database, SslMode? SslMode)
{
    public const int DefaultPort = 5432;

    public static bool IsPostgres(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws a UsageException that never repeats the text (it may hold a password).</summary>
    public static StoreUrl Parse(string text)
    {
        if (!IsPostgres(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw new UsageException("the store URL is not of the form postgres://USER@HOST:PORT/DB");
        if (uri.UserInfo.Contains(':'))
            throw new UsageException("the store URL holds a password; take it out of the URL and set PGPASSWORD or add the server to ~/.pgpass");
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0 || database.Contains('/'))
            throw new UsageException($"the store URL postgres://{uri.Authority}{uri.AbsolutePath} names no database; add it: postgres://USER@HOST:PORT/DB");
        if (uri.Host.Length == 0) throw new UsageException("the store URL names no host: postgres://USER@HOST:PORT/DB");
        var user = uri.UserInfo.Length == 0 ? null : Uri.UnescapeDataString(uri.UserInfo);
        return new StoreUrl(user, uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port, database, Ssl(uri.Query));
    }

    /// <summary>libpq's names for the modes (verify-ca, verify-full), by name only: Enum.TryParse would also take "3".</summary>
    private static readonly Dictionary<string, SslMode> s_sslModes = Enum.GetValues<SslMode>().ToDictionary(
        m => m.ToString().ToLowerInvariant().Replace("verify", "verify-", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase);

    /// <summary>The only query parameter we take; anything else is refused rather than silently ignored.</summary>
    private static SslMode? Ssl(string query)
    {
        if (query.Length <= 1) return null;
        SslMode? mode = null;
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.IndexOf('=') is var eq and > 0 ? (pair[..eq], Uri.UnescapeDataString(pair[(eq + 1)..])) : (pair, "");
            if (!key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
                throw new UsageException($"the store URL has an unknown parameter '{Uri.UnescapeDataString(key)}'; only sslmode is taken");
            mode = s_sslModes.TryGetValue(value, out var m)
                ? m : throw new UsageException($"the store URL's sslmode '{value}' is not one of {string.Join(", ", s_sslModes.Keys)}");
        }
        return mode;
    }

    /// <summary>What messages show: never a password, because the URL never has one.</summary>
    public override string ToString()
    {
        var user = User is null ? "" : Uri.EscapeDataString(User) + "@";
        var host = Host.Contains(':') && !Host.StartsWith('[') ? $"[{Host}]" : Host;
        var ssl = SslMode is { } mode ? "?sslmode=" + Kebab(mode) : "";
        return $"postgres://{user}{host}:{Port}/{Uri.EscapeDataString(Database)}{ssl}";
    }

    public StoreUrl WithDatabase(string database) => this with { Database = database };

    private static string Kebab(SslMode mode) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(mode.ToString());
}
