using System.Text.Json;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// The v2 user object (camelCase), api-contracts.md §2.3. What an expand adds (platformRoles,
/// counts.resources, productAccess, groups) is written only when asked for, as the vendor does; a client
/// that relies on a field it did not ask for must fail here, not first against the real API.
/// </summary>
internal static class AtlassianUserJson
{
    public static void Write(Utf8JsonWriter w, SimUser user, IReadOnlySet<string> expand)
    {
        w.WriteStartObject();
        w.WriteString("accountId", user.AccountId);
        w.WriteString("accountType", user.AccountType);
        w.WriteString("status", user.Status);
        w.WriteString("accountStatus", user.AccountStatus);
        w.WriteString("membershipStatus", user.MembershipStatus);
        w.WriteString("addedToOrg", AtlassianFormats.Millis(user.AddedToOrg));
        w.WriteString("name", user.Name);
        w.WriteString("nickname", user.Nickname);
        w.WriteString("email", user.Email);
        w.WriteBoolean("emailVerified", user.EmailVerified);
        w.WriteString("claimStatus", user.ClaimStatus);
        if (expand.Contains("platformRoles"))
        {
            // Silent in the contract: whether a user without admin roles gets [] or no key. [] is chosen, so
            // an absent key always means "not asked for" (and Dormant treats it as roles unknown).
            w.WriteStartArray("platformRoles");
            foreach (var role in user.PlatformRoles)
            {
                w.WriteStringValue(role);
            }

            w.WriteEndArray();
        }

        if (expand.Contains("counts.resources"))
        {
            // "The number of resources the user has roles assigned to": here, the distinct sites of their access.
            w.WriteStartObject("counts");
            w.WriteNumber("resources", user.AllProductAccess.Select(p => p.SiteId).Distinct(StringComparer.Ordinal).Count());
            w.WriteEndObject();
        }

        if (expand.Contains("productAccess"))
        {
            // Entries in BulkHiddenAccess are left out on purpose: the bulk-data gap clients must survive.
            Objects(w, "productAccess", user.ProductAccess, access =>
            {
                w.WriteString("key", access.Key);
                w.WriteString("id", access.SiteId);
                if (access.LastActive is { } at)
                {
                    w.WriteString("lastActiveTimestamp", AtlassianFormats.Millis(at));
                }
            });
        }

        if (expand.Contains("groups"))
        {
            Objects(w, "groups", user.Groups, group =>
            {
                w.WriteString("id", group.Id);
                w.WriteString("name", group.Name);
                w.WriteNull("description");
            });
        }

        w.WriteEndObject();
    }

    private static void Objects<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> properties)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            properties(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
