namespace Dormant.Core.Store;

/// <summary>
/// One person's sign-off of one plan, bound to the plan's digest: a plan made again (another digest)
/// needs its own approvals. <see cref="Approver"/> is who they said they are, or their OS user.
/// </summary>
public sealed record Approval(string PlanId, string PlanDigest, string Approver, string? Comment, DateTimeOffset At)
{
    public long Seq { get; init; }
}
