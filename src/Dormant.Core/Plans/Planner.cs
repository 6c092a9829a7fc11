using System.Globalization;
using System.Security.Cryptography;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;
using Dormant.Core.Policy;

namespace Dormant.Core.Plans;

public sealed class Planner(TimeProvider clock)
{
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromHours(24);

    public async Task<Plan> MakeAsync(IConnector connector, IAccountSource source, PolicyRules rules,
        string createdBy, TimeSpan validity, IProgress<int>? progress, CancellationToken ct)
    {
        rules = rules with { Action = Resolve(connector, rules.Action).Name };
        var tenantId = await connector.IdentifyAsync(ct);
        var started = clock.GetUtcNow();
        var scan = await new Scanner(clock, connector.Words).ScanAsync(source, rules, progress, ct);
        var now = clock.GetUtcNow();
        return new Plan
        {
            PlanId = NewId(now),
            Platform = connector.Platform,
            Tenant = connector.Tenant,
            TenantId = tenantId,
            CreatedAt = now,
            ExpiresAt = now + validity,
            CreatedBy = createdBy,
            Policy = rules,
            Counts = scan.Counts,
            Decisions = scan.Decisions,
            Actions = scan.Actions,
            Refusal = source is IPlanGuard guard && scan.Actions.Count > 0 ? guard.Refusal(scan.Actions) : null,
            Population = Snapshot(connector, source, rules, scan, started),
        };
    }

    private static Store.PopulationSnapshot Snapshot(IConnector connector, IAccountSource source, PolicyRules rules, ScanResult scan, DateTimeOffset at)
    {
        var query = source is IPopulationSource described ? described.DescribeListing(ScanRequest.For(rules)) : new PopulationQuery([], null);
        return new Store.PopulationSnapshot
        {
            Platform = connector.Platform, Tenant = connector.Tenant, ReadAt = at, ToolVersion = Store.PopulationSnapshot.CurrentToolVersion,
            Requests = query.Requests, AccountsRead = scan.Listed,
            VendorTotal = scan.VendorTotal, TotalSource = query.TotalSource,
        };
    }

    /// <summary>The policy's action, or the platform's first (its reversible default) when the policy names none.</summary>
    public static PlatformAction Resolve(IConnector connector, string? action) =>
        action is null
            ? connector.Actions.FirstOrDefault() ?? throw new UsageException($"{connector.Platform} declares no action; it can only be scanned")
            : connector.Action(action);

    /// <summary>Sortable and unique without coordination: time of creation plus random bits.</summary>
    public static string NewId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-"
        + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
}
