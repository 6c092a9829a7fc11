using static Dormant.Simulators.Atlassian.AtlassianTenantGenerator;

namespace Dormant.Simulators.Atlassian;

/// <summary>Draws one user. The shares follow the simulator brief; the draws are in a fixed order so a seed is reproducible.</summary>
internal static class AtlassianUserFactory
{
    private static readonly string[] s_first =
    [
        "Ada", "Ben", "Chloe", "Dan", "Eva", "Femi", "Grace", "Hugo", "Ines", "Jon", "Kira", "Liam", "Maya", "Nils",
        "Olga", "Pablo", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wen", "Xavi", "Yuki", "Zoe", "Arjun", "Bea",
        "Carlos", "Dina", "Emil", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Milo", "Nora",
    ];

    private static readonly string[] s_last =
    [
        "Smith", "Okafor", "Garcia", "Nguyen", "Muller", "Rossi", "Kowalski", "Tanaka", "Silva", "Haddad", "Larsen",
        "Novak", "Dubois", "Ivanova", "Chen", "Patel", "Kim", "Jensen", "Costa", "Byrne", "Schmidt", "Moreau", "Lopez",
        "Sato", "Ahmed", "Berg", "Fischer", "Walsh", "Yilmaz", "Popescu",
    ];

    private static readonly string[] s_apps =
    [
        "Automation for Confluence", "Jira Service Management Widget", "Trello", "Statuspage", "Slack", "Opsgenie",
    ];

    public static SimUser Create(int n, Random rng, Clock clock, Sites sites, string[] directoryIds)
    {
        var category = rng.NextDouble();
        var directory = PickDirectory(rng.NextDouble(), directoryIds);
        var first = s_first[rng.Next(s_first.Length)];
        var last = s_last[rng.Next(s_last.Length)];
        var user = new SimUser
        {
            AccountId = Hex(rng, 12),
            Name = $"{first} {last}",
            Nickname = $"{first} {last[0]}.",
            Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{n}@example.com",
            DirectoryId = directory,
            PlatformRoles = RolesFor(n, admin: false),
        };

        List<SimProductAccess> access = [];
        switch (category)
        {
            case < 0.55: // active in Confluence recently
                access.Add(new(Confluence, sites.Primary, clock.DaysAgo(0, 60)));
                AddSometimes(rng, 0.20, access, new(Confluence, sites.Secondary, clock.DaysAgo(0, 400)));
                AddSometimes(rng, 0.50, access, new(Jira, sites.Primary, clock.DaysAgo(0, 120)));
                break;
            case < 0.75: // long inactive
                access.Add(new(Confluence, sites.Primary, clock.DaysAgo(200, 900)));
                AddSometimes(rng, 0.15, access, new(Confluence, sites.Secondary, clock.DaysAgo(200, 900)));
                AddSometimes(rng, 0.40, access, new(Jira, sites.Primary, clock.DaysAgo(200, 900)));
                break;
            case < 0.83: // never used Confluence: access without a timestamp, or Jira only
                if (rng.NextDouble() < 0.5)
                {
                    access.Add(new(Confluence, sites.Primary, null));
                }

                access.Add(new(Jira, sites.Primary, rng.NextDouble() < 0.5 ? clock.DaysAgo(0, 300) : null));
                break;
            case < 0.90: // active in Jira only; Confluence stale or absent
                access.Add(new(Jira, sites.Primary, clock.DaysAgo(0, 30)));
                AddSometimes(rng, 0.50, access, new(Confluence, sites.Primary, clock.DaysAgo(200, 900)));
                break;
            case < 0.94: // already suspended
                user = user with { MembershipStatus = "suspended" };
                access.Add(new(Confluence, sites.Primary, clock.DaysAgo(100, 900)));
                break;
            case < 0.96: // org, site and user-access admins, some of them stale — policy must protect them, not the API
                user = user with { PlatformRoles = RolesFor(n, admin: true) };
                var stale = rng.NextDouble() < 0.3;
                access.Add(new(Confluence, sites.Primary, stale ? clock.DaysAgo(200, 700) : clock.DaysAgo(0, 30)));
                access.Add(new(Jira, sites.Primary, clock.DaysAgo(0, 90)));
                break;
            case < 0.98: // app (bot) accounts: access granted, never "active" in the UI sense
                var app = s_apps[rng.Next(s_apps.Length)];
                user = user with
                {
                    AccountId = "557058:" + NewGuid(rng),
                    AccountType = "app",
                    Name = app,
                    Nickname = app,
                    Email = $"{app.Replace(' ', '-').ToLowerInvariant()}-{n}@connect.atlassian.com",
                    EmailVerified = false,
                    ClaimStatus = "unmanaged",
                    PlatformRoles = RolesFor(n, admin: false),
                };
                AddSometimes(rng, 0.50, access, new(Confluence, sites.Primary, null));
                break;
            default:
                user = Misc(user, rng, clock, sites, access);
                break;
        }

        return Finish(user with { Groups = GroupsFor(n, user, access) }, rng, clock, access);
    }

    /// <summary>The remaining ~2%: service-desk customers, deactivated accounts, never-invited accounts.</summary>
    private static SimUser Misc(SimUser user, Random rng, Clock clock, Sites sites, List<SimProductAccess> access)
    {
        var kind = rng.NextDouble();
        if (kind < 0.5)
        {
            access.Add(new(ServiceDesk, sites.Primary, clock.DaysAgo(0, 500)));
            return user with
            {
                AccountId = "qm:" + NewGuid(rng),
                AccountType = "customer",
                ClaimStatus = "unmanaged",
            };
        }

        if (kind < 0.75)
        {
            access.Add(new(Confluence, sites.Primary, clock.DaysAgo(300, 900)));
            return user with { AccountStatus = "inactive" };
        }

        return user with { MembershipStatus = "no_membership" };
    }

    /// <summary>Adds the org join date and the per-user-endpoint quirks (no bulk data, date-only values).</summary>
    private static SimUser Finish(SimUser user, Random rng, Clock clock, List<SimProductAccess> access)
    {
        var earliest = access.Where(a => a.LastActive is not null).Select(a => a.LastActive!.Value).DefaultIfEmpty(clock.Now).Min();
        var addedDaysBefore = 1 + (rng.NextDouble() * 700);
        var added = DateTimeOffset.FromUnixTimeMilliseconds(earliest.ToUnixTimeMilliseconds() - (long)(addedDaysBefore * 86_400_000));
        var dateOnly = rng.NextDouble() < 0.10;
        // ~1.5% of users: the bulk search shows no product access at all, the per-user endpoint has it.
        // Where the bulk answer has an entry it is the same record the per-user endpoint reads.
        var hide = rng.NextDouble() < 0.015;
        SimProductAccess[] hidden = [];
        if (hide && access.Count > 0)
        {
            hidden = access.ToArray();
            access.Clear();
        }

        if (dateOnly)
        {
            access = access.Select(a => a with { PerUserDateOnly = true }).ToList();
            hidden = hidden.Select(a => a with { PerUserDateOnly = true }).ToArray();
        }

        return user with { AddedToOrg = added, ProductAccess = access.ToArray(), BulkHiddenAccess = hidden };
    }

    /// <summary>From what is drawn already (no draws of its own, so a seed's tenant stays as it was).</summary>
    private static SimGroup[] GroupsFor(int n, SimUser user, List<SimProductAccess> access)
    {
        if (user.AccountType != "atlassian") return [];
        var groups = new List<SimGroup> { new("grp-all-staff", "all-staff") };
        if (access.Any(a => a.Key == Confluence)) groups.Add(new("grp-confluence-users", "confluence-users"));
        if (access.Any(a => a.Key == Jira)) groups.Add(new("grp-jira-software-users", "jira-software-users"));
        if (user.PlatformRoles.Count > 0) groups.Add(new("grp-org-admins", "org-admins"));
        if (n % 10 == 3) groups.Add(new("grp-contractors", "contractors"));
        if (n % 25 == 7) groups.Add(new("grp-executives", "executives"));
        return [.. groups];
    }

    private static void AddSometimes(Random rng, double probability, List<SimProductAccess> access, SimProductAccess entry)
    {
        if (rng.NextDouble() < probability)
        {
            access.Add(entry);
        }
    }

    private static string PickDirectory(double draw, string[] directoryIds) => directoryIds.Length switch
    {
        2 => draw < 0.75 ? directoryIds[0] : directoryIds[1],
        _ => draw < 0.70 ? directoryIds[0] : draw < 0.92 ? directoryIds[1] : directoryIds[^1],
    };
}
