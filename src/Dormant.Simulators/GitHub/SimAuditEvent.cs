namespace Dormant.Simulators.GitHub;

/// <summary>One audit-log event: who, what (org.add_member, git.push …), when, and the user it was about, if any.</summary>
public sealed record SimAuditEvent(string DocumentId, string Actor, string Action, DateTimeOffset At, string? User = null)
{
    public bool IsGit => Action.StartsWith("git.", StringComparison.Ordinal);
}
