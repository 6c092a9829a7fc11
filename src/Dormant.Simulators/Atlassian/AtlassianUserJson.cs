using System.Text.Json;

namespace Dormant.Simulators.Atlassian;

/// <summary>The v2 user object (camelCase), api-contracts.md §2.3.</summary>
internal static class AtlassianUserJson
{
    public static void Write(Utf8JsonWriter w, SimUser user, bool expandProductAccess, bool expandGroups = false)
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
        w.WriteStartArray("platformRoles");
        foreach (var role in user.PlatformRoles)
        {
            w.WriteStringValue(role);
        }

        w.WriteEndArray();
        if (expandProductAccess)
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

        if (expandGroups)
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
