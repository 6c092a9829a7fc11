using System.Globalization;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;

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
        Caps.Enforce(plan);
    }
}
