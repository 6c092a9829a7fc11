using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dormant.Simulators.GitHub;

/// <summary>
/// One simulated organization: members, Copilot seats, teams and the audit log, newest first.
/// Thread-safe: every read and change takes the lock; lists handed out are copies.
/// </summary>
public sealed class GitHubTenant
{
    /// <summary>The log keeps 180 days, Git events seven (docs/vendors/github.md §6).</summary>
    public const int AuditDays = 180;
    public const int GitDays = 7;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimGitHubUser> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimGitHubUser> _former = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimSeat> _seats = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SimAuditEvent> _events = [];
    private readonly Dictionary<string, int> _writes = new(StringComparer.OrdinalIgnoreCase);
    private int _nextEvent;

    public GitHubTenant(string org, long orgId, string token, string caller, IEnumerable<SimGitHubUser> members,
        IEnumerable<SimSeat>? seats = null, IEnumerable<SimAuditEvent>? events = null, IReadOnlyDictionary<string, string>? teams = null)
    {
        Org = org;
        OrgId = orgId;
        Token = token;
        Caller = caller;
        foreach (var m in members) _members[m.Login] = m;
        foreach (var s in seats ?? []) _seats[s.Login] = s;
        _events.AddRange((events ?? []).OrderByDescending(e => e.At));
        Teams = teams ?? new Dictionary<string, string>();
    }

    public string Org { get; }
    public long OrgId { get; set; }
    public string Token { get; }
    /// <summary>The login the token belongs to (GET /user).</summary>
    public string Caller { get; }
    /// <summary>Team slug → name.</summary>
    public IReadOnlyDictionary<string, string> Teams { get; }
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>assign_selected lets seats be managed per user; assign_all, disabled and unconfigured do not.</summary>
    public string SeatManagement { get; set; } = "assign_selected";

    /// <summary>The secondary limit's points a window (900 a minute; a GET costs 1, a write 5); null: none.</summary>
    public int? PointsPerMinute { get; set; } = 900;

    /// <summary>The secondary limit's window: a minute, shorter when a benchmark runs the clock fast.</summary>
    public TimeSpan PointsWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The audit log's own limit: queries a window per token (1,750 an hour, docs §3); null: none.</summary>
    public int? AuditQueriesPerHour { get; set; } = 1_750;

    /// <summary>The audit limit's window: an hour, shorter when a benchmark or a test runs the clock fast.</summary>
    public TimeSpan AuditWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False: not on GitHub Enterprise Cloud, so the audit-log endpoint answers 404.</summary>
    public bool EnterpriseCloud { get; set; } = true;

    /// <summary>The first day of the next billing cycle, where a cancelled seat ends.</summary>
    public DateOnly NextCycle => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(1 - Clock.GetUtcNow().Day).AddMonths(1);

    public IReadOnlyList<SimGitHubUser> Members
    {
        get { lock (_lock) return _members.Values.OrderBy(m => m.Id).ToList(); }
    }

    public IReadOnlyList<SimSeat> Seats
    {
        get { lock (_lock) return _seats.Values.OrderBy(s => s.CreatedAt).ThenBy(s => s.Login, StringComparer.OrdinalIgnoreCase).ToList(); }
    }

    public SimGitHubUser? Member(string login) { lock (_lock) return _members.GetValueOrDefault(login); }

    public SimSeat? Seat(string login) { lock (_lock) return _seats.GetValueOrDefault(login); }

    /// <summary>The events the log still keeps, newest first: 180 days, Git events seven.</summary>
    public IReadOnlyList<SimAuditEvent> KeptEvents
    {
        get
        {
            var now = Clock.GetUtcNow();
            lock (_lock)
                return _events.Where(e => e.At >= now.AddDays(-(e.IsGit ? GitDays : AuditDays))).ToList();
        }
    }

    public void AddEvent(string actor, string action, DateTimeOffset at, string? user = null)
    {
        lock (_lock)
        {
            _events.Add(new SimAuditEvent(NewEventId(), actor, action, at, user));
            _events.Sort((a, b) => b.At.CompareTo(a.At));
        }
    }

    public void SetSeat(SimSeat seat) { lock (_lock) _seats[seat.Login] = seat; }

    /// <summary>How many carried-out writes named this login.</summary>
    public int WriteCount(string login) { lock (_lock) return _writes.GetValueOrDefault(login); }

    /// <summary>DELETE selected_users: seats become pending cancellation. Null and the reason when GitHub refuses the whole request.</summary>
    public (int Cancelled, string? Refusal) CancelSeats(IReadOnlyList<string> logins)
    {
        lock (_lock)
        {
            if (SeatManagement != "assign_selected") return (0, AssignAllMessage);
            if (logins.FirstOrDefault(l => _seats.TryGetValue(l, out var s) && s.Team is not null) is { } teamed)
                return (0, $"The seat for {teamed} cannot be cancelled because it was assigned to them via a team.");
            var n = 0;
            foreach (var login in logins.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!_seats.TryGetValue(login, out var seat) || seat.PendingCancellation is not null) continue;
                _seats[login] = seat with { PendingCancellation = NextCycle };
                Wrote(login);
                n++;
            }
            return (n, null);
        }
    }

    /// <summary>POST selected_users: a new seat per member without one; a pending cancellation is lifted (refreshed).</summary>
    public (int Created, string? Refusal) AddSeats(IReadOnlyList<string> logins)
    {
        lock (_lock)
        {
            if (SeatManagement != "assign_selected") return (0, AssignAllMessage);
            if (logins.FirstOrDefault(l => !_members.ContainsKey(l)) is { } stranger)
                return (0, $"{stranger} is not a member of {Org}.");
            var n = 0;
            foreach (var login in logins.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                _seats[login] = _seats.TryGetValue(login, out var seat)
                    ? seat with { PendingCancellation = null }
                    : new SimSeat { Login = login, CreatedAt = Clock.GetUtcNow() };
                Wrote(login);
                n++;
            }
            return (n, null);
        }
    }

    /// <summary>DELETE memberships/{username}: false when not a member. The seat goes at the end of the cycle.</summary>
    public bool RemoveMember(string login)
    {
        lock (_lock)
        {
            if (!_members.Remove(login, out var member)) return false;
            _former[login] = member;
            if (_seats.TryGetValue(login, out var seat) && seat.Team is null) _seats[login] = seat with { PendingCancellation = NextCycle };
            _events.Insert(0, new SimAuditEvent(NewEventId(), Caller, "org.remove_member", Clock.GetUtcNow(), member.Login));
            Wrote(login);
            return true;
        }
    }

    /// <summary>PUT memberships/{username}: a member's role changes; anyone else known to GitHub is invited (pending). Null: no such user.</summary>
    public SimGitHubUser? SetMembership(string login, string role)
    {
        lock (_lock)
        {
            SimGitHubUser updated;
            if (_members.TryGetValue(login, out var member)) updated = member with { Role = role };
            else if (_former.TryGetValue(login, out var former))
            {
                updated = former with { Role = role, State = "pending" };
                _events.Insert(0, new SimAuditEvent(NewEventId(), Caller, "org.invite_member", Clock.GetUtcNow(), login));
            }
            else return null;
            _members[login] = updated;
            Wrote(login);
            return updated;
        }
    }

    /// <summary>A digest of members and seats, to show a tenant ends as it started.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        lock (_lock)
        {
            foreach (var m in _members.Values.OrderBy(m => m.Login, StringComparer.OrdinalIgnoreCase))
                text.Append(CultureInfo.InvariantCulture, $"m|{m.Login}|{m.Role}|{m.State}\n");
            foreach (var s in _seats.Values.OrderBy(s => s.Login, StringComparer.OrdinalIgnoreCase))
                text.Append(CultureInfo.InvariantCulture, $"s|{s.Login}|{s.PendingCancellation}|{s.Team}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public const string AssignAllMessage =
        "Your organization has enabled Copilot access for all members. Enable access for selected members in order to manage seats via the API.";

    private void Wrote(string login) => _writes[login] = _writes.GetValueOrDefault(login) + 1;

    private string NewEventId() => "sim-" + (++_nextEvent).ToString(CultureInfo.InvariantCulture);
}
