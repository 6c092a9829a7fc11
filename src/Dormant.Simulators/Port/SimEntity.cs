using System.Runtime.CompilerServices;
using System.Text.Json;

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

    // Keyed by instance, outside the record: equality and `with` stay as they were, and a changed
    // entity is a new instance, so nothing can read another version's properties.
    private static readonly ConditionalWeakTable<SimEntity, ParsedProperties> s_parsed = new();

    /// <summary>
    /// <see cref="PropertiesJson"/> parsed once, not on every listing (10,000 users were 10,000
    /// parses per request). A JsonElement is read-only, so concurrent requests can share it.
    /// </summary>
    internal JsonElement Properties => Parsed.Root;

    /// <summary>The `status` property, or null when it is absent or not a string.</summary>
    internal string? Status => Parsed.Status;

    private ParsedProperties Parsed => s_parsed.GetValue(this, static e => ParsedProperties.Of(e.PropertiesJson));

    private sealed record ParsedProperties(JsonElement Root, string? Status)
    {
        public static ParsedProperties Of(string json)
        {
            var root = JsonElement.Parse(json);
            var status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString() : null;
            return new ParsedProperties(root, status);
        }
    }
}
