namespace Dormant.Simulators.Atlassian;

/// <summary>Keyset paging over the tenant's users, sorted by account id.</summary>
internal static class UserPager
{
    internal sealed record Result(IReadOnlyList<SimUser> Items, string? PrevKey, string? NextKey);

    /// <summary>
    /// The first <paramref name="limit"/> matching users with id ≥ <paramref name="startKey"/>; the
    /// next key is the id of the following match, the previous key the id that starts the page before.
    /// </summary>
    public static Result Page(SimUser[] users, string startKey, int limit, Func<SimUser, bool> matches)
    {
        var start = LowerBound(users, startKey);
        var items = new List<SimUser>(limit);
        string? next = null;
        for (var i = start; i < users.Length; i++)
        {
            if (!matches(users[i]))
            {
                continue;
            }

            if (items.Count == limit)
            {
                next = users[i].AccountId;
                break;
            }

            items.Add(users[i]);
        }

        string? prev = null;
        var found = 0;
        for (var i = start - 1; i >= 0 && found < limit; i--)
        {
            if (matches(users[i]))
            {
                prev = users[i].AccountId;
                found++;
            }
        }

        return new Result(items, prev, next);
    }

    private static int LowerBound(SimUser[] users, string key)
    {
        int lo = 0, hi = users.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(users[mid].AccountId, key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
