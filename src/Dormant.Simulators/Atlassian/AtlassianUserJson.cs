using System.Text.Json;

namespace Dormant.Simulators.Atlassian;

/// <summary>The v2 user object (camelCase), api-contracts.md §2.3.</summary>
internal static class AtlassianUserJson
{
    public static void Write(Utf8JsonWriter w, SimUser user, bool expandProductAccess)
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
            w.WriteStartArray("productAccess");
            foreach (var access in user.ProductAccess)
            {
                w.WriteStartObject();
                w.WriteString("key", access.Key);
                w.WriteString("id", access.SiteId);
                if (access.LastActive is { } at)
                {
                    w.WriteString("lastActiveTimestamp", AtlassianFormats.Millis(at));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
