namespace Dormant.Store.Postgres;

/// <summary>
/// Where the password comes from, as libpq looks for it: PGPASSWORD, else the password file
/// (PGPASSFILE, else ~/.pgpass). Read from the caller's variables, not the process's, so the CLI's
/// .env layer applies and a test never reaches the real home folder.
/// </summary>
public sealed record PgLogin(string? Password, string? Passfile)
{
    public static readonly PgLogin None = new(null, null);

    public static PgLogin From(Func<string, string?> variable)
    {
        var password = variable("PGPASSWORD") is { Length: > 0 } p ? p : null;
        var passfile = variable("PGPASSFILE") is { Length: > 0 } f ? f
            : variable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".pgpass") : null;
        // Npgsql fails when a named password file is missing; libpq skips it, and so do we.
        return new PgLogin(password, passfile is not null && File.Exists(passfile) ? passfile : null);
    }
}
