namespace Dormant.Simulators.Atlassian;

/// <summary>
/// Builds a seeded tenant with the spread Dormant has to get right: recent and long-stale
/// Confluence users, never-used access, Jira-only users, suspended users, org admins, app and
/// customer accounts, users on two Confluence sites, and the bulk-search gaps. O(N); role and site
/// strings are shared so 100,000 users stay lean.
/// </summary>
internal static class AtlassianTenantGenerator
{
    internal const string Confluence = "confluence";
    internal const string Jira = "jira-software";
    internal const string ServiceDesk = "jira-servicedesk";

    // platformRoles holds only the admin roles (JIRAJS platformRole: org-admin, site-admin,
    // user-access-admin, ai-access); product roles such as atlassian/user are not among them.
    private static readonly string[][] s_adminRoles = [["atlassian/org-admin"], ["atlassian/site-admin"], ["atlassian/user-access-admin"]];
    private static readonly string[] s_noRoles = [];

    public static AtlassianTenant Generate(int users, int seed, DateTimeOffset now, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(users);
        var rng = new Random(seed);
        var orgId = "sim-org-" + Hex(rng, 6);
        var apiKey = "ATCTT3xFfGN0" + Base62(rng, 64);
        var directoryIds = Enumerable.Range(1, rng.Next(2, 4)).Select(d => $"dir-{d}").ToArray();
        var sites = new Sites(NewGuid(rng), NewGuid(rng));
        var clock = new Clock(rng, now);
        var seen = new HashSet<string>(users, StringComparer.Ordinal);
        var list = new List<SimUser>(users);
        for (var i = 0; i < users; i++)
        {
            var user = AtlassianUserFactory.Create(i, rng, clock, sites, directoryIds);
            while (!seen.Add(user.AccountId))
            {
                user = user with { AccountId = Hex(rng, 12) };
            }

            list.Add(user);
        }

        return new AtlassianTenant(orgId, apiKey, list, directoryIds) { Clock = time ?? TimeProvider.System };
    }

    /// <summary>Admins take their kind from their number, not from a draw, so a seed's tenant stays as it was.</summary>
    internal static string[] RolesFor(int n, bool admin) => admin ? s_adminRoles[n % s_adminRoles.Length] : s_noRoles;

    internal static string Hex(Random rng, int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        rng.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    internal static string NewGuid(Random rng)
    {
        Span<byte> buffer = stackalloc byte[16];
        rng.NextBytes(buffer);
        return new Guid(buffer).ToString();
    }

    private static string Base62(Random rng, int length)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return string.Create(length, rng, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }
}
