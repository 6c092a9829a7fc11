using Dormant.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Dormant.Store.Sqlite;

/// <summary>Turns SQLite's errors into one line a user can act on; a raw SqliteException never escapes.</summary>
internal static class StoreErrors
{
    // Primary result codes from https://www.sqlite.org/rescode.html
    private const int Perm = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Corrupt = 11, Full = 13, CantOpen = 14, NotADb = 26;

    public static DormantException From(SqliteException ex, string path)
    {
        var what = Describe(ex);
        var message = (ex.SqliteErrorCode & 0xFF) switch
        {
            NotADb or Corrupt => $"store {path} is not a Dormant store or is corrupt ({what}); move it away or pass --store",
            Busy or Locked => $"store {path} is locked by another process ({what}); wait for it to finish or pass --store",
            ReadOnly or CantOpen or Perm => $"store {path} cannot be opened for writing ({what}); check its permissions or pass --store",
            Full or IoErr => $"store {path} could not be written ({what}); check free disk space and permissions",
            _ => $"store {path} failed ({what})",
        };
        return new DormantException(message, ExitCodes.Failure, ex);
    }

    public static DormantException NotOurs(string path, string why) =>
        new($"store {path} is not a Dormant store or is corrupt ({why}); move it away or pass --store");

    private static string Describe(SqliteException ex)
    {
        // Message looks like "SQLite Error 26: 'file is not a database'."; keep the quoted part.
        var text = ex.Message;
        var start = text.IndexOf('\'');
        var end = text.LastIndexOf('\'');
        return start >= 0 && end > start ? text[(start + 1)..end] : text;
    }
}
