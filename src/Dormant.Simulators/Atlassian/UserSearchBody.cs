using System.Text.Json;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// Reads the POST users/search body as a server that validates its schema does: a JSON object with only
/// the documented keys (JIRAJS multiDirectoryUserSearchRequest, all optional), each of its documented type.
/// Where the contract is silent this is strict: a key sent as null is a 400 (the schema types them as
/// string/number/array, not nullable) except sortBy, whose doc says "If null, the default sorting will be
/// used"; an empty array or empty string is a 400 too (a filter that filters nothing is a client bug).
/// </summary>
internal static class UserSearchBody
{
    private static readonly HashSet<string> s_keys =
    [
        "cursor", "limit", "accountIds", "directoryIds", "resourceIds", "groupIds", "mfaEnabled", "claimStatus", "status",
        "accountStatus", "membershipStatus", "roleIds", "emailDomains", "searchTerm", "emails", "expand", "sortBy",
    ];

    public static UserSearchRequest Parse(string body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new AtlassianBadRequestException("Malformed request body: " + e.Message);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AtlassianBadRequestException("Request body must be a JSON object");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (!s_keys.Contains(property.Name))
                {
                    throw new AtlassianBadRequestException($"Unrecognized field '{property.Name}'");
                }

                if (property.Value.ValueKind == JsonValueKind.Null && property.Name != "sortBy")
                {
                    throw new AtlassianBadRequestException($"'{property.Name}' must not be null");
                }
            }

            return new UserSearchRequest
            {
                Cursor = Text(root, "cursor"),
                Limit = Integer(root, "limit"),
                AccountIds = Strings(root, "accountIds"),
                DirectoryIds = Strings(root, "directoryIds"),
                ResourceIds = Strings(root, "resourceIds"),
                GroupIds = Strings(root, "groupIds"),
                MfaEnabled = Boolean(root, "mfaEnabled"),
                ClaimStatus = Text(root, "claimStatus"),
                Statuses = Strings(root, "status"),
                AccountStatuses = Strings(root, "accountStatus"),
                MembershipStatuses = Strings(root, "membershipStatus"),
                RoleIds = Strings(root, "roleIds"),
                EmailDomains = Strings(root, "emailDomains"),
                SearchTerm = Text(root, "searchTerm"),
                Emails = Strings(root, "emails"),
                Expand = Strings(root, "expand") ?? new HashSet<string>(),
                SortByNickDescending = SortBy(root),
            }.Validated();
        }
    }

    private static JsonElement? Value(JsonElement root, string name, JsonValueKind kind, string expected)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw new AtlassianBadRequestException($"'{name}' must be {expected}");
    }

    private static string? Text(JsonElement root, string name) =>
        Value(root, name, JsonValueKind.String, "a string")?.GetString() is { } s
            ? s.Length > 0 ? s : throw new AtlassianBadRequestException($"'{name}' must not be empty")
            : null;

    private static int? Integer(JsonElement root, string name) =>
        Value(root, name, JsonValueKind.Number, "an integer") is { } n
            ? n.TryGetInt32(out var i) ? i : throw new AtlassianBadRequestException($"'{name}' must be an integer")
            : null;

    private static bool? Boolean(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new AtlassianBadRequestException($"'{name}' must be a boolean"),
        };
    }

    private static HashSet<string>? Strings(JsonElement root, string name)
    {
        if (Value(root, name, JsonValueKind.Array, "an array of strings") is not { } array)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } s)
            {
                throw new AtlassianBadRequestException($"'{name}' must hold non-empty strings");
            }

            set.Add(s);
        }

        return set.Count > 0 ? set : throw new AtlassianBadRequestException($"'{name}' must not be an empty array");
    }

    // "Currently, only a single field can be sorted by": an array of at most one {field, direction}.
    private static bool? SortBy(JsonElement root)
    {
        if (Value(root, "sortBy", JsonValueKind.Array, "an array") is not { } array)
        {
            return null;
        }

        if (array.GetArrayLength() != 1 || array[0] is not { ValueKind: JsonValueKind.Object } sort)
        {
            throw new AtlassianBadRequestException("'sortBy' must hold exactly one {field, direction} object");
        }

        foreach (var property in sort.EnumerateObject())
        {
            if (property.Name is not ("field" or "direction"))
            {
                throw new AtlassianBadRequestException($"Unrecognized field 'sortBy.{property.Name}'");
            }
        }

        var field = Text(sort, "field") ?? throw new AtlassianBadRequestException("'sortBy.field' is required");
        var direction = Text(sort, "direction") ?? throw new AtlassianBadRequestException("'sortBy.direction' is required");
        UserSearchVocabulary.Check("sortBy.field", field, UserSearchVocabulary.SortFields);
        UserSearchVocabulary.Check("sortBy.direction", direction, UserSearchVocabulary.SortDirections);
        return direction == "desc";
    }
}
