using Dormant.Core.Accounts;

namespace Dormant.Core.Apply;

/// <summary>Whether a re-read account shows that an action (or its undo) already took effect.</summary>
public static class TargetState
{
    public static bool Reached(string action, Account? now) => action switch
    {
        "delete" => now is null,
        _ => now is { Status: AccountStatus.Suspended or AccountStatus.Closed },
    };

    /// <summary>Back and usable again; an invitee may come back as pending rather than active.</summary>
    public static bool Undone(string action, Account? now) => action switch
    {
        "delete" => now is not null,
        _ => now is { Status: AccountStatus.Active or AccountStatus.Pending },
    };
}
