using Dormant.Core.Accounts;

namespace Dormant.Core.Apply;

/// <summary>Whether a re-read account shows that an action already took effect.</summary>
public static class TargetState
{
    public static bool Reached(string action, Account? now) => action switch
    {
        "delete" => now is null,
        _ => now is { Status: AccountStatus.Suspended or AccountStatus.Closed },
    };
}
