using Dormant.Simulators.Atlassian;

namespace Dormant.Tests.Support;

/// <summary>Hand-built Atlassian users for tests that need exact facts.</summary>
public static class Users
{
    public static SimUser Person(string id, DateTimeOffset? confluence, string membership = "active", params string[] roles) => new()
    {
        AccountId = id,
        Name = "User " + id,
        Nickname = id,
        Email = id + "@example.com",
        MembershipStatus = membership,
        AddedToOrg = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        PlatformRoles = roles,
        ProductAccess = [new SimProductAccess("confluence", "site-1", confluence)],
    };

    public static AtlassianTenant Tenant(params SimUser[] users) => new("org-test", "ATCTT3xFfGN0-test-key-0123456789", users);
}
