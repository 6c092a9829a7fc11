using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// Reads the GET directories/{id}/users query (JIRAJS getDirectoryUsers). Silent in the contract, chosen
/// strict: arrays are repeated parameters (status=a&amp;status=b); a scalar given twice, an empty value or an
/// unknown parameter is a 400; sortBy (an array of objects) has no documented query form, so it is refused
/// rather than guessed. GET has no expand: the answer never carries productAccess, platformRoles or groups.
/// </summary>
internal static class UserSearchQuery
{
    private static readonly HashSet<string> s_keys =
    [
        "cursor", "limit", "accountIds", "directoryIds", "resourceIds", "groupIds", "mfaEnabled", "claimStatus", "status",
        "accountStatus", "membershipStatus", "roleIds", "emailDomains", "searchTerm",
    ];

    /// <summary>The users/count route takes the same filters, without paging (JIRAJS getDirectoryUsersCount).</summary>
    public static readonly IReadOnlySet<string> CountKeys = s_keys.Except(["cursor", "limit"]).ToHashSet(StringComparer.Ordinal);

    public static UserSearchRequest Parse(IEnumerable<KeyValuePair<string, StringValues>> query, IReadOnlySet<string>? keys = null)
    {
        keys ??= s_keys;
        var q = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (key, values) in query)
        {
            if (key == "sortBy")
            {
                throw new AtlassianBadRequestException("sortBy has no documented query-string form; use POST users/search");
            }

            if (!keys.Contains(key))
            {
                throw new AtlassianBadRequestException($"Unrecognized query parameter '{key}'");
            }

            if (values.Any(string.IsNullOrEmpty))
            {
                throw new AtlassianBadRequestException($"Query parameter '{key}' must not be empty");
            }

            q[key] = values;
        }

        return new UserSearchRequest
        {
            Cursor = One(q, "cursor"),
            Limit = One(q, "limit") is { } l
                ? int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new AtlassianBadRequestException("'limit' must be an integer")
                : null,
            AccountIds = Many(q, "accountIds"),
            DirectoryIds = Many(q, "directoryIds"),
            ResourceIds = Many(q, "resourceIds"),
            GroupIds = Many(q, "groupIds"),
            MfaEnabled = One(q, "mfaEnabled") switch
            {
                null => null,
                "true" => true,
                "false" => false,
                _ => throw new AtlassianBadRequestException("'mfaEnabled' must be true or false"),
            },
            ClaimStatus = One(q, "claimStatus"),
            Statuses = Many(q, "status"),
            AccountStatuses = Many(q, "accountStatus"),
            MembershipStatuses = Many(q, "membershipStatus"),
            RoleIds = Many(q, "roleIds"),
            EmailDomains = Many(q, "emailDomains"),
            SearchTerm = One(q, "searchTerm"),
        }.Validated();
    }

    private static string? One(Dictionary<string, StringValues> q, string key) => q.TryGetValue(key, out var v)
        ? v.Count == 1 ? v[0] : throw new AtlassianBadRequestException($"Query parameter '{key}' given {v.Count} times")
        : null;

    private static HashSet<string>? Many(Dictionary<string, StringValues> q, string key) =>
        q.TryGetValue(key, out var v) ? v.Select(s => s!).ToHashSet(StringComparer.Ordinal) : null;
}
