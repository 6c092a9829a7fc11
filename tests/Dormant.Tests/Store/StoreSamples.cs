using Dormant.Core.Accounts;
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
}
