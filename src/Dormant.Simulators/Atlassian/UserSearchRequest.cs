using System.Text.Json;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// The subset of the v2 search body the simulator understands (api-contracts.md §2.3). Unknown
/// fields are ignored, as a lenient server would; known fields with the wrong type are a 400.
/// </summary>
internal sealed record UserSearchRequest(
    string? Cursor,
    int? Limit,
    IReadOnlySet<string>? AccountIds,
    IReadOnlySet<string>? Statuses,
    IReadOnlySet<string>? AccountStatuses,
    IReadOnlySet<string>? MembershipStatuses,
    IReadOnlySet<string> Expand)
{
    private static readonly HashSet<string> s_statuses = ["active", "suspended", "not_invited", "deactivated", "for_deletion"];
    private static readonly HashSet<string> s_expands = ["platformRoles", "counts.resources", "productAccess", "groups"];

    public static UserSearchRequest Empty { get; } = new(null, null, null, null, null, null, new HashSet<string>());

    /// <summary>Parses the body; returns null and a reason when it is not a valid request.</summary>
    public static UserSearchRequest? Parse(string? body, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(body))
        {
            return Empty;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "Request body must be a JSON object";
                return null;
            }

            var cursor = Optional(root, "cursor", JsonValueKind.String)?.GetString();
            var limit = Optional(root, "limit", JsonValueKind.Number)?.GetInt32();
            var statuses = Strings(root, "status");
            if (statuses?.FirstOrDefault(s => !s_statuses.Contains(s)) is { } badStatus)
            {
                error = $"Invalid status '{badStatus}'";
                return null;
            }

            var expand = Strings(root, "expand") ?? new HashSet<string>();
            if (expand.FirstOrDefault(e => !s_expands.Contains(e)) is { } badExpand)
            {
                error = $"Invalid expand '{badExpand}'";
                return null;
            }

            return new(cursor, limit, Strings(root, "accountIds"), statuses, Strings(root, "accountStatus"),
                Strings(root, "membershipStatus"), expand);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            error = "Malformed request body: " + e.Message;
            return null;
        }
    }

    private static JsonElement? Optional(JsonElement root, string name, JsonValueKind kind)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw new FormatException($"'{name}' must be {kind}");
    }

    private static HashSet<string>? Strings(JsonElement root, string name) =>
        Optional(root, name, JsonValueKind.Array)?.EnumerateArray()
            .Select(e => e.GetString() ?? throw new FormatException($"'{name}' must hold strings"))
            .ToHashSet(StringComparer.Ordinal);
}
