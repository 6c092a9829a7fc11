using System.Net.Sockets;
using Dormant.Core.Errors;
using Npgsql;

namespace Dormant.Store.Postgres;

/// <summary>
/// Turns Npgsql's errors into one line naming the server, the database and the server's own reason;
/// a raw NpgsqlException never escapes. Messages carry no password: the URL has none and Npgsql's
/// texts do not repeat the one it was given.
/// </summary>
internal static class PgErrors
{
    public static DormantException From(Exception ex, StoreUrl url)
    {
        var at = $"{url.Host}:{url.Port}";
        var message = ex switch
        {
            PostgresException pg => pg.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                    $"store {url} refused the login: {pg.MessageText}; check the user, and the password in PGPASSWORD, PGPASSFILE or ~/.pgpass",
                PostgresErrorCodes.InvalidCatalogName =>
                    $"store {url}: the server at {at} has no database {url.Database} ({pg.MessageText}); create it (createdb {url.Database}) or check --store",
                PostgresErrorCodes.InsufficientPrivilege =>
                    $"store {url}: user {url.User ?? "(default)"} may not do this ({pg.MessageText}); ask the database's owner for the rights, or check --store",
                PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown =>
                    $"store {url} is not taking connections now ({pg.MessageText}); try again later",
                _ => $"store {url} failed ({pg.SqlState}: {pg.MessageText})",
            },
            NpgsqlException { InnerException: SocketException socket } =>
                $"cannot reach the PostgreSQL store at {at} (database {url.Database}: {socket.Message}); check the host and port, and that the server runs",
            NpgsqlException { InnerException: TimeoutException } or TimeoutException =>
                $"the PostgreSQL store at {at} (database {url.Database}) did not answer in time; check the host, the port and the network",
            // Npgsql's own "No password has been provided but the backend requires one": no server code to match on.
            NpgsqlException npgsql when npgsql.Message.Contains("password", StringComparison.OrdinalIgnoreCase) =>
                $"store {url} asks for a password and none was given; set PGPASSWORD, or add the server to the password file "
                + "(PGPASSFILE, else ~/.pgpass; a line HOST:PORT:DB:USER:PASSWORD)",
            _ => $"store {url} failed ({OneLine(ex.Message)})",
        };
        return new DormantException(message, ExitCodes.Failure, ex);
    }

    public static bool IsOurs(Exception ex) => ex is NpgsqlException or TimeoutException;

    public static DormantException NotOurs(StoreUrl url, string why) =>
        new($"store {url} is not a Dormant store or is damaged ({why}); use another database or pass --store");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
