namespace Dormant.Simulators.Port;

/// <summary>
/// A catalog entity. Timestamps are kept as Port wrote them (an offset such as -05:00 included) so
/// clients must parse them; <see cref="UpdatedAt"/> null means the field is absent. Properties are
/// a JSON object text, immutable, so readers never see a half-made change.
/// </summary>
public sealed record SimEntity
{
    public string Blueprint { get; init; } = "_user";
    public required string Identifier { get; init; }
    public string? Title { get; init; }
    public string PropertiesJson { get; init; } = "{}";
    public IReadOnlyList<string> Team { get; init; } = [];
    public required string CreatedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string CreatedBy { get; init; } = "port-sim";
    public string? UpdatedBy { get; init; }

    /// <summary>
    /// Synced from an identity provider rather than created in the UI/API: Port refuses to change
    /// its status ("Only UI/API-origin users can have their status changed", manage-users-teams.md).
    /// </summary>
    public bool StatusLocked { get; init; }

    public string Key => PortTenant.KeyOf(Blueprint, Identifier);
}
