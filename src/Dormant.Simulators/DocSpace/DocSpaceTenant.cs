using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dormant.Simulators.DocSpace;

/// <summary>
/// The simulated portal: users (kept in display-name order, the order people/filter pages in),
/// groups, and the login history newest first. Thread-safe: readers take the current arrays,
/// writers swap them under a lock.
/// </summary>
public sealed class DocSpaceTenant
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, int> _index;
    private readonly Dictionary<Guid, (int Terminated, int Activated)> _changes = [];
    private DocSpaceSimUser[] _users;
    private DocSpaceSimLoginEvent[] _events;

    public DocSpaceTenant(string apiKey, Guid callerId, IEnumerable<DocSpaceSimUser> users, IEnumerable<DocSpaceSimLoginEvent> events,
        IReadOnlyDictionary<Guid, string>? groups = null)
    {
        ApiKey = apiKey;
        CallerId = callerId;
        _users = users.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Id).ToArray();
        _index = _users.Select((u, i) => (u.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _events = Newest(events);
        Groups = groups ?? new Dictionary<Guid, string>();
    }

    /// <summary>The personal access token the simulator accepts as a bearer token.</summary>
    public string ApiKey { get; }

    /// <summary>The user the API key belongs to (answers people/@self).</summary>
    public Guid CallerId { get; }

    public IReadOnlyDictionary<Guid, string> Groups { get; }

    /// <summary>False: the plan lacks Audit, and login/filter answers the last 20 events of everyone, ignoring its parameters.</summary>
    public bool AuditAvailable { get; set; } = true;

    /// <summary>The portal's time zone: every date is written in it.</summary>
    public TimeSpan PortalOffset { get; set; } = new(5, 30, 0);

    /// <summary>Seat quotas checked when users are reactivated; null = unlimited.</summary>
    public int? PaidSeats { get; set; }
    public int? ActiveSeats { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyList<DocSpaceSimUser> Users => Volatile.Read(ref _users).ToArray();

    /// <summary>
    /// Days of login history the portal keeps (security/audit/settings/lifetime, 1–180, default 180);
    /// older events are gone from every answer.
    /// </summary>
    public int LoginHistoryLifetimeDays { get; set; } = 180;

    /// <summary>The portal's identity (TenantDto.tenantId, tenantAlias); a test may point the key at another portal.</summary>
    public int PortalId { get; set; } = 1;

    public string PortalAlias { get; set; } = "sim";

    /// <summary>When the retention was last set (lastModified); null: long ago.</summary>
    public DateTimeOffset? LoginHistorySettingChanged { get; set; }

    /// <summary>Deletes the events older than a moment, as the purge under a shorter setting did.</summary>
    public void ForgetEventsBefore(DateTimeOffset at)
    {
        lock (_lock) Volatile.Write(ref _events, _events.Where(e => e.Date >= at).ToArray());
    }

    /// <summary>Newest first, as the server orders them.</summary>
    public IReadOnlyList<DocSpaceSimLoginEvent> Events => Volatile.Read(ref _events);

    /// <summary>The events the portal still keeps, newest first.</summary>
    public IEnumerable<DocSpaceSimLoginEvent> KeptEvents
    {
        get
        {
            var oldest = Clock.GetUtcNow().AddDays(-LoginHistoryLifetimeDays);
            return Events.TakeWhile(e => e.Date >= oldest);
        }
    }

    /// <summary>How many status-change requests were refused as a whole (403 or 402).</summary>
    public int RefusedBatches { get; private set; }

    public static DocSpaceTenant Generate(int users, int seed, DateTimeOffset now) => DocSpaceTenantGenerator.Generate(users, seed, now);

    public DocSpaceSimUser? Find(Guid id)
    {
        lock (_lock) return _index.TryGetValue(id, out var i) ? _users[i] : null;
    }

    public DocSpaceSimUser Caller => Find(CallerId)!;

    /// <summary>A new user, listed in display-name order like the rest (so offset paging in progress shifts).</summary>
    public DocSpaceSimUser Add(DocSpaceSimUser user)
    {
        lock (_lock)
        {
            if (_index.ContainsKey(user.Id)) throw new ArgumentException($"user {user.Id} exists", nameof(user));
            var users = _users.Append(user).OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Id).ToArray();
            _index.Clear();
            for (var i = 0; i < users.Length; i++) _index[users[i].Id] = i;
            Volatile.Write(ref _users, users);
            return user;
        }
    }

    /// <summary>Writes a login-history row for the user now or at the given time.</summary>
    public DocSpaceSimLoginEvent AddLoginEvent(Guid userId, int actionId, DateTimeOffset at)
    {
        var user = Find(userId) ?? throw new ArgumentException($"no user {userId}", nameof(userId));
        lock (_lock)
        {
            var e = new DocSpaceSimLoginEvent(_events.Length == 0 ? 1 : _events.Max(x => x.Id) + 1, at, userId, user.DisplayName, user.Email,
                actionId, "203.0.113.77", "Firefox 128");
            Volatile.Write(ref _events, Newest([.. _events, e]));
            return e;
        }
    }

    public (int Terminated, int Activated) Changes(Guid id)
    {
        lock (_lock) return _changes.GetValueOrDefault(id);
    }

    /// <summary>A SHA-256 over every user's state (not the counters), to show disable-then-restore changed nothing.</summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var u in Volatile.Read(ref _users))
        {
            var line = string.Join('|', u.Id, u.FirstName, u.LastName, u.Email, u.Status, u.ActivationStatus, u.Type, u.IsOwner, u.IsLdap,
                string.Join(',', u.GroupIds), u.RegistrationDate.UtcTicks, u.TerminatedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-") + "\n";
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal DocSpaceSimUser[] Current => Volatile.Read(ref _users);

    internal void CountRefusal()
    {
        lock (_lock) RefusedBatches++;
    }

    /// <summary>Sets the status of all the given users at once (the route has checked them).</summary>
    internal IReadOnlyList<DocSpaceSimUser> SetStatus(IReadOnlyList<Guid> ids, int status, DateTimeOffset now)
    {
        lock (_lock)
        {
            var users = (DocSpaceSimUser[])_users.Clone();
            var changed = new List<DocSpaceSimUser>();
            foreach (var id in ids)
            {
                if (!_index.TryGetValue(id, out var i)) continue;
                var u = users[i];
                // A terminated invitee with no name goes back to Pending, not Active (UserController.UpdateUserStatus).
                var target = status == 1 && u.FirstName.Length == 0 && u.LastName.Length == 0 && u.ActivationStatus == 2 ? 4 : status;
                users[i] = u with { Status = target, TerminatedAt = status == 2 ? u.TerminatedAt ?? now : null };
                var (t, a) = _changes.GetValueOrDefault(id);
                _changes[id] = status == 2 ? (t + 1, a) : (t, a + 1);
                changed.Add(users[i]);
            }
            Volatile.Write(ref _users, users);
            return changed;
        }
    }

    private static DocSpaceSimLoginEvent[] Newest(IEnumerable<DocSpaceSimLoginEvent> events) =>
        events.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToArray();
}
