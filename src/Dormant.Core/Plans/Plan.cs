using Dormant.Core.Policy;

namespace Dormant.Core.Plans;

/// <summary>Exactly what apply will do, with everything needed to review it. Data only.</summary>
public sealed record Plan
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;
    public required string PlanId { get; init; }
    public required string Platform { get; init; }
    public required string Tenant { get; init; }
    /// <summary>The vendor's identity of the tenant (<see cref="Connectors.IConnector.IdentifyAsync"/>) when the plan was made.</summary>
    public string? TenantId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required string CreatedBy { get; init; }
    public required PolicyRules Policy { get; init; }
    public required IReadOnlyDictionary<string, int> Counts { get; init; }
    public required IReadOnlyList<Decision> Decisions { get; init; }
    public required IReadOnlyList<PlannedAction> Actions { get; init; }
    /// <summary>The platform's own reason not to apply this plan (<see cref="Connectors.IPlanGuard"/>); null when it has none.</summary>
    public string? Refusal { get; init; }

    /// <summary>How the scan behind this plan read its population; kept in the store, not in the plan file or its digest.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Store.PopulationSnapshot? Population { get; init; }
}
