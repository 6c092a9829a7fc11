using System.Globalization;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// Runs a search from a position and says where the pages before and after start. Positions are opaque
/// to clients (they travel inside cursors): "k:ID" is a keyset start in account-id order, which stays
/// stable while users are suspended or added mid-scan; "o:N" is an offset into the nick_name order a
/// sortBy asks for (the contract is silent on how sorted pages stay stable; an offset is the simple choice).
/// </summary>
internal static class UserSearch
{
    public const string First = "k:";

    internal sealed record Result(IReadOnlyList<SimUser> Items, string? Prev, string? Next);

    public static Result Run(AtlassianTenant tenant, string directoryId, UserSearchRequest request, string position, int limit, bool searchNames)
    {
        bool Matches(SimUser u) => UserFilter.Matches(u, directoryId, request, searchNames);
        if (request.SortByNickDescending is not { } descending)
        {
            if (!position.StartsWith("k:", StringComparison.Ordinal))
            {
                throw new AtlassianBadRequestException("Invalid cursor");
            }

            var page = UserPager.Page(tenant.Current, position[2..], limit, Matches);
            return new Result(page.Items, page.PrevKey is null ? null : "k:" + page.PrevKey, page.NextKey is null ? null : "k:" + page.NextKey);
        }

        var offset = 0;
        if (position != First && !(position.StartsWith("o:", StringComparison.Ordinal)
                && int.TryParse(position.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            throw new AtlassianBadRequestException("Invalid cursor");
        }

        var matching = tenant.Current.Where(Matches);
        var ordered = (descending
            ? matching.OrderByDescending(u => u.Nickname, StringComparer.OrdinalIgnoreCase)
            : matching.OrderBy(u => u.Nickname, StringComparer.OrdinalIgnoreCase)).ThenBy(u => u.AccountId, StringComparer.Ordinal).ToList();
        var items = ordered.Skip(offset).Take(limit).ToList();
        return new Result(items, offset == 0 ? null : "o:" + Math.Max(0, offset - limit).ToString(CultureInfo.InvariantCulture),
            offset + limit < ordered.Count ? "o:" + (offset + limit).ToString(CultureInfo.InvariantCulture) : null);
    }
}
