using System.Globalization;

namespace Dormant.Core.Connectors;

/// <summary>What an account looks like once an action has taken effect.</summary>
public enum ActionEnd
{
    /// <summary>It still exists but cannot sign in (suspended, disabled, deactivated).</summary>
    CannotSignIn,

    /// <summary>It no longer exists; only the backup can bring it back.</summary>
    Gone,
}

/// <summary>
/// One thing a platform can do to an account, declared by its connector so Core and the store
/// need no platform's words: the journal keeps <see cref="Name"/>, people read <see cref="PastTense"/>.
/// </summary>
/// <param name="Name">The word in plans and the journal, e.g. "suspend".</param>
/// <param name="PastTense">What the account is afterwards, in the vendor's own word, e.g. "suspended".</param>
/// <param name="Undo">The platform's name for the undo (e.g. "restore", "enable"); null when it cannot be undone.</param>
/// <param name="BackupArchive">The archive's file name before ".zip"; "{date}" becomes the local date as MM-dd-yyyy.</param>
public sealed record PlatformAction(string Name, string PastTense, ActionEnd End, string? Undo, string BackupArchive)
{
    public bool Reversible => Undo is not null;

    /// <summary>The archive's file name before ".zip" for a run on the local day <paramref name="localNow"/>.</summary>
    public string ArchiveStem(DateTimeOffset localNow) =>
        BackupArchive.Replace("{date}", localNow.ToString("MM-dd-yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
