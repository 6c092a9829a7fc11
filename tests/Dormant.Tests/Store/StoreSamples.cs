using Dormant.Core.Accounts;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Core.Store;

namespace Dormant.Tests.Store;

internal static class StoreSamples
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(2));

    public static RunRecord Run(string id, DateTimeOffset startedAt) => new()
    {
        RunId = id,
        Kind = "apply",
        Platform = "slack",
        Tenant = "acme",
        PlanId = "plan-1",
        PlanDigest = "sha256:abc",
        ParentRunId = null,
        PolicyJson = """{"inactiveDays":90}""",
        RunBy = "alice@host",
        StartedAt = startedAt,
        FinishedAt = null,
        Status = "running",
        SummaryJson = null,
    };

    public static Decision Decision(int i) => new(
        $"U{i}", $"user{i}@acme.test", Category.NoActivityData, "no sign-in recorded",
        i % 2 == 0 ? null : T0.AddDays(-i), i % 2 == 0 ? null : i, i % 2 == 0 ? null : "audit-log", AccountStatus.Active);

    public static Plan Plan(string id, int inactiveDays = 90) => new()
    {
        PlanId = id,
        Platform = "slack",
        Tenant = "acme",
        CreatedAt = T0,
        ExpiresAt = T0.AddHours(24),
        CreatedBy = "alice@host",
        Policy = new PolicyRules { InactiveDays = inactiveDays, Exclusions = ["ceo@acme.test"] },
        Counts = new Dictionary<string, int> { ["total"] = 2, ["inactive"] = 1 },
        Decisions = [Decision(1), Decision(2)],
        Actions = [new PlannedAction("U1", "user1@acme.test", "suspend", "idle", new SeenState(AccountStatus.Active, T0.AddDays(-1)))],
    };
}
