namespace Dormant.Core.Store;

/// <summary>
/// One person's sign-off of one plan, bound to the plan's digest: a plan made again (another digest)
/// needs its own approvals. <see cref="Approver"/> is who they said they are, or their OS user.
/// </summary>
/// <remarks>
/// <see cref="Login"/> is who the store's server authenticated for the session that recorded it (PostgreSQL's
/// session_user), set by the store, never by the caller; null on a file store, which has no one to ask.
/// </remarks>
public sealed record Approval(string PlanId, string PlanDigest, string Approver, string? Comment, DateTimeOffset At)
{
    public long Seq { get; init; }

    public string? Login { get; init; }
}
