using System.Globalization;
using Dormant.Core.Accounts;

namespace Dormant.Connectors.Atlassian;

/// <summary>Pure: wire user → Account with evidence.</summary>
internal static class AtlassianMapper
{
    public const string Signal = "last-active";

    private static readonly HashSet<string> AdminRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "atlassian/org-admin", "atlassian/site-admin", "atlassian/user-access-admin",
    };

    public const string DateOnlySource = "last-active-dates (date only)";

    public static Account ToAccount(AtlUser u, string raw, IEnumerable<ActivityEvidence>? extra = null)
    {
        var bulk = (u.ProductAccess ?? [])
            .Where(p => !string.IsNullOrEmpty(p.Key))
            .Select(p => new ActivityEvidence(Signal, p.Key, "users/search productAccess", p.LastActiveTimestamp, p.Id))
            .ToList();
        // A date-only value stands for "some time that day" and is read as its end; where the bulk
        // answer has the exact time on that same day for the same site, the exact time is the truth,
        // or every re-read before acting would find the person "active since the plan".
        var evidence = bulk.Concat((extra ?? []).Where(x => !(x.Source == DateOnlySource && bulk.Any(b => SameSiteAndDay(b, x))))).ToList();
        return new Account
        {
            Id = u.AccountId,
            Email = u.Email,
            DisplayName = u.Name ?? u.Nickname ?? "",
            Status = StatusOf(u),
            Kind = u.AccountType?.ToLowerInvariant() switch
            {
                "app" => AccountKind.Service,
                "customer" => AccountKind.External,
                _ => AccountKind.Person,
            },
            Roles = u.PlatformRoles ?? [],
            ProtectedBecause = OutOfScope(u),
            Error = u.PlatformRoles is null ? RolesUnknown : null,
            Groups = u.Groups?.Select(g => g.Name ?? g.Id ?? "").Where(g => g.Length > 0).ToList(),
            IsAdmin = (u.PlatformRoles ?? []).Any(AdminRoles.Contains),
            CreatedAt = u.AddedToOrg,
            Evidence = evidence,
            RawJson = raw,
        };
    }

    // platformRoles comes only with expand (api-contracts §2.3) and Dormant always asks for it: an answer
    // without it leaves an org, site or user-access admin looking like anyone else, so it is no basis to act.
    private static readonly ReadError RolesUnknown = new("platformRoles missing from the users/search answer, so its admin roles are unknown");

    // Accounts the suspend would not reclaim anything from: a service-desk customer holds no product seat
    // (atlassian/customer is non-billable), and an account without membership is in none of the org's
    // directories, so there is nothing to suspend (the vendor answers 404).
    private static string? OutOfScope(AtlUser u)
    {
        if (string.Equals(u.AccountType, "customer", StringComparison.OrdinalIgnoreCase))
            return "out of scope: a service-desk portal customer (accountType customer) holds no product seat";
        if (string.Equals(u.Status, "not_invited", StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.MembershipStatus, "no_membership", StringComparison.OrdinalIgnoreCase))
            return "out of scope: no membership in any directory of the organization (not_invited), nothing to suspend";
        return null;
    }

    // The composite v2 status: suspended = membership suspended; deactivated = account inactive.
    private static AccountStatus StatusOf(AtlUser u)
    {
        var status = u.Status?.ToLowerInvariant();
        if (status == "suspended" || string.Equals(u.MembershipStatus, "suspended", StringComparison.OrdinalIgnoreCase))
            return AccountStatus.Suspended;
        if (status is "deactivated" or "for_deletion"
            || u.AccountStatus?.ToLowerInvariant() is "inactive" or "closed")
            return AccountStatus.Closed;
        if (status == "not_invited" || string.Equals(u.MembershipStatus, "no_membership", StringComparison.OrdinalIgnoreCase))
            return AccountStatus.Pending;
        return AccountStatus.Active;
    }

    /// <summary>
    /// last-active-dates gives a full timestamp on newer tenants and only a date ("yyyy-MM-dd") on
    /// older ones; a date alone is read as the end of that day (UTC) so it never makes a person look
    /// older than they are.
    /// </summary>
    public static ActivityEvidence? FromLastActive(AtlLastActiveEntry e)
    {
        if (string.IsNullOrEmpty(e.Key)) return null;
        var at = ParseLastActive(e);
        var dateOnly = at is not null && Timestamp(e) is null;
        return new ActivityEvidence(Signal, e.Key, dateOnly ? DateOnlySource : "last-active-dates", at, e.Id);
    }

    private static DateTimeOffset? Timestamp(AtlLastActiveEntry e) =>
        !string.IsNullOrEmpty(e.LastActiveTimestamp) && DateTimeOffset.TryParse(e.LastActiveTimestamp,
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts) ? ts : null;

    private static bool SameSiteAndDay(ActivityEvidence a, ActivityEvidence b) =>
        (ProductKey.Matches(a.Product, b.Product) || ProductKey.Matches(b.Product, a.Product)) && a.Instance == b.Instance && a.LastActive is { } x && b.LastActive is { } y
        && x.UtcDateTime.Date == y.UtcDateTime.Date;

    internal static DateTimeOffset? ParseLastActive(AtlLastActiveEntry e)
    {
        if (Timestamp(e) is { } ts)
            return ts;
        if (!string.IsNullOrEmpty(e.LastActive) && DateOnly.TryParseExact(e.LastActive, "yyyy-MM-dd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
        return null;
    }
}
