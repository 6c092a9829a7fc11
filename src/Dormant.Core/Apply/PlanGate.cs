using System.Globalization;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Core.Store;

namespace Dormant.Core.Apply;

/// <summary>Refuses a plan that must not be applied here and now, saying which check failed.</summary>
public static class PlanGate
{
    public static void Check(Plan plan, IConnector connector, DateTimeOffset now)
    {
        if (plan.Schema != Plan.CurrentSchema)
            throw new UsageException($"plan {plan.PlanId} has schema {plan.Schema}; this Dormant reads schema {Plan.CurrentSchema} — make a new plan");
        if (plan.Policy.Version != PolicyRules.CurrentVersion)
            throw new UsageException($"plan {plan.PlanId} was made by policy version {plan.Policy.Version}; current is {PolicyRules.CurrentVersion} — make a new plan");
        if (now >= plan.ExpiresAt)
            throw new UsageException($"plan {plan.PlanId} expired at {plan.ExpiresAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)}; make a new plan");
        if (!string.Equals(plan.Platform, connector.Platform, StringComparison.Ordinal)
            || !string.Equals(plan.Tenant, connector.Tenant, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"plan {plan.PlanId} was made for {plan.Platform} tenant {plan.Tenant}, not {connector.Platform} tenant {connector.Tenant}");
        // A plan names its action (the planner writes the platform's default in); the platform must still know it.
        if (plan.Policy.Action is not { } action)
            throw new UsageException($"plan {plan.PlanId} names no action; make a new plan");
        connector.Action(action);
        Caps.Enforce(plan);
    }

    /// <summary>
    /// A plan whose run was restored is spent: its journal says "done" for accounts that are active again,
    /// so applying it again would claim work that was undone. The user makes a new plan instead.
    /// </summary>
    public static async Task CheckNotRestoredAsync(IRunStore store, string planId, CancellationToken ct)
    {
        if (await LaterRestore.OfAsync(store, planId, ct) is [.., var last])
            throw new UsageException($"plan {planId} was undone by restore run {last.RunId} at {last.When} ({last.Restored} restored); "
                + "a restored plan is spent — make a new plan with 'dormant plan'");
    }
}
