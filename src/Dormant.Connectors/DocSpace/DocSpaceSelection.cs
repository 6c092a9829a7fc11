using Dormant.Core.Errors;

namespace Dormant.Connectors.DocSpace;

/// <summary>
/// Which users a scan considers. The seed's "external contractors" was a placeholder; DocSpace's
/// own notions stand in: the area (guests by default), employee type, group and e-mail domain,
/// all combinable. Area, type and group go to the server; the e-mail domain is checked here
/// because people/filter has no domain filter (filterValue is a free-text search).
/// </summary>
internal sealed record DocSpaceSelection(string Area, string? EmployeeType, string? GroupId, string? EmailDomain)
{
    private static readonly string[] s_areas = ["All", "People", "Guests"];
    private static readonly string[] s_types = ["RoomAdmin", "Guest", "DocSpaceAdmin", "User"];

    public static DocSpaceSelection Parse(string area, string? employeeType, string? groupId, string? emailDomain)
    {
        var a = s_areas.FirstOrDefault(x => x.Equals(area.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UsageException($"--docspace-area must be one of guests, people, all (got '{area}')");
        string? type = null;
        if (!string.IsNullOrWhiteSpace(employeeType))
        {
            type = s_types.FirstOrDefault(x => x.Equals(employeeType.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new UsageException($"--docspace-employee-type must be one of {string.Join(", ", s_types)} (got '{employeeType}')");
            // The server silently ignores these combinations (api-contracts.md §3.3); refusing them
            // beats scanning a wider set of people than the flags suggest.
            if ((a == "People" && type == "Guest") || (a == "Guests" && type != "Guest"))
                throw new UsageException($"--docspace-employee-type {type} cannot be combined with --docspace-area {a.ToLowerInvariant()}; DocSpace would ignore the type");
        }
        if (!string.IsNullOrWhiteSpace(groupId) && !Guid.TryParse(groupId.Trim(), out _))
            throw new UsageException($"--docspace-group must be a DocSpace group id (a GUID), got '{groupId}'");
        var domain = string.IsNullOrWhiteSpace(emailDomain) ? null : emailDomain.Trim().TrimStart('@').ToLowerInvariant();
        return new DocSpaceSelection(a, type, string.IsNullOrWhiteSpace(groupId) ? null : groupId.Trim(), domain);
    }

    /// <summary>
    /// Said in the scan's header when the default area leaves people out: a new admin reading
    /// "Total users 12" on a portal of hundreds must learn that only guests were counted.
    /// </summary>
    public string? Scope
    {
        get
        {
            var who = Area switch { "Guests" => "guests", "People" => "people who are not guests", _ => "people" };
            var narrower = string.Join(", ", new[] { EmployeeType is null ? null : $"of type {EmployeeType}",
                GroupId is null ? null : $"in group {GroupId}", EmailDomain is null ? null : $"with e-mail in {EmailDomain}" }.Where(s => s is not null));
            if (Area == "All" && narrower.Length == 0) return null;
            var widen = Area == "All" ? "" : "; --docspace-area all widens it";
            return $"only {who}{(narrower.Length == 0 ? "" : " " + narrower)} are considered{widen}";
        }
    }

    /// <summary>The people/filter parameters of this selection (paging is added by the client).</summary>
    public string Query
    {
        get
        {
            var q = $"area={Area}";
            if (EmployeeType is not null) q += $"&employeeType={EmployeeType}";
            if (GroupId is not null) q += $"&groupId={Uri.EscapeDataString(GroupId)}";
            return q;
        }
    }

    /// <summary>Checked on every user, including one re-read before acting: a guest promoted since the plan is out of scope.</summary>
    public string? Excludes(DsUser u)
    {
        var guest = u.IsVisitor;
        if (Area == "Guests" && !guest) return "is no longer a guest";
        if (Area == "People" && guest) return "is now a guest";
        if (EmployeeType is { } t && TypeOf(u) != t) return $"is no longer of type {t}";
        if (GroupId is { } g && !(u.Groups ?? []).Any(x => string.Equals(x.Id, g, StringComparison.OrdinalIgnoreCase)))
            return "is no longer in the selected group";
        if (EmailDomain is { } d && !(u.Email ?? "").EndsWith("@" + d, StringComparison.OrdinalIgnoreCase))
            return $"e-mail is not in {d}";
        return null;
    }

    public override string ToString() =>
        string.Join(", ", new[] { $"area {Area.ToLowerInvariant()}", EmployeeType is null ? null : $"type {EmployeeType}",
            GroupId is null ? null : $"group {GroupId}", EmailDomain is null ? null : $"domain {EmailDomain}" }.Where(s => s is not null));

    private static string TypeOf(DsUser u) =>
        u.IsAdmin || u.IsOwner ? "DocSpaceAdmin" : u.IsRoomAdmin ? "RoomAdmin" : u.IsVisitor ? "Guest" : "User";
}
