namespace Dormant.Core.Store;

/// <summary>
/// One acted-on account read back after apply: the end the action declares, what the vendor showed,
/// and whether they agree. A read that failed is <see cref="Unverified"/>, never a match.
/// </summary>
/// <param name="Expected">The action's end as its wire name (e.g. "cannot-sign-in", "gone").</param>
/// <param name="Seen">The status read back (e.g. "active"), "gone" when the account no longer exists, "unverified" when the read failed.</param>
public sealed record AccountVerification(string RunId, string AccountId, string Label, string Action, string Expected, string Seen,
    bool Matches, string? Error, DateTimeOffset At)
{
    public const string Unverified = "unverified";
    public const string Gone = "gone";
}
