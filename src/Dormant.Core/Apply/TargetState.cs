using Dormant.Core.Accounts;
using Dormant.Core.Connectors;

namespace Dormant.Core.Apply;

/// <summary>Whether a re-read account shows that an action (or its undo) already took effect, by the end the action declares.</summary>
public static class TargetState
{
    public static bool Reached(PlatformAction action, Account? now) => action.End switch
    {
        ActionEnd.Gone => now is null,
        _ => now is { Status: AccountStatus.Suspended or AccountStatus.Closed },
    };

    /// <summary>Back and usable again; an invitee may come back as pending rather than active.</summary>
    public static bool Undone(PlatformAction action, Account? now) => action.End switch
    {
        ActionEnd.Gone => now is not null,
        _ => now is { Status: AccountStatus.Active or AccountStatus.Pending },
    };
}
