using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dormant.Simulators.Atlassian;

/// <summary>
/// The simulated organization: its users, kept sorted by account id (the order the search pages
/// in). Thread-safe: readers take the current array without locking; writers swap a slot, or the
/// whole array on <see cref="Add"/>, under a lock.
/// </summary>
public sealed class AtlassianTenant
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, int> _suspends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _restores = new(StringComparer.Ordinal);
    private SimUser[] _users;
    private Dictionary<string, int> _index;

    public AtlassianTenant(string orgId, string apiKey, IEnumerable<SimUser> users, IReadOnlyList<string>? directoryIds = null)
    {
        OrgId = orgId;
        ApiKey = apiKey;
        _users = users.OrderBy(u => u.AccountId, StringComparer.Ordinal).ToArray();
        _index = BuildIndex(_users);
        DirectoryIds = directoryIds ?? _users.Select(u => u.DirectoryId).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    public string OrgId { get; }

    /// <summary>The name GET /admin/v1/orgs shows.</summary>
    public string OrgName { get; init; } = "Simulated organization";

    /// <summary>The organization API key the simulator accepts as a bearer token.</summary>
    public string ApiKey { get; }

    public IReadOnlyList<string> DirectoryIds { get; }

    /// <summary>A snapshot of all users, sorted by account id.</summary>
    public IReadOnlyList<SimUser> Users => Volatile.Read(ref _users).ToArray();

    public int PageSizeDefault { get; set; } = 50;

    public int PageSizeMax { get; set; } = 100;

    /// <summary>The organization's clock: its rate-limit windows.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Generates a deterministic tenant (same users for the same seed and clock).</summary>
    public static AtlassianTenant Generate(int users, int seed, DateTimeOffset now) =>
        AtlassianTenantGenerator.Generate(users, seed, now);

    /// <summary>Generates a tenant at the clock's now that lives on that clock.</summary>
    public static AtlassianTenant Generate(int users, int seed, TimeProvider clock) =>
        AtlassianTenantGenerator.Generate(users, seed, clock.GetUtcNow(), clock);

    public SimUser? Find(string accountId)
    {
        // Lock-free fast path; an Add racing with us can pair a new index with the old array, so
        // check the hit and fall back to the lock.
        var users = Volatile.Read(ref _users);
        if (Volatile.Read(ref _index).TryGetValue(accountId, out var i) && i < users.Length && users[i].AccountId == accountId)
        {
            return users[i];
        }

        lock (_lock)
        {
            return _index.TryGetValue(accountId, out var j) ? _users[j] : null;
        }
    }

    public SimUser Add(SimUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_lock)
        {
            if (_index.ContainsKey(user.AccountId))
            {
                throw new ArgumentException($"Account {user.AccountId} already exists", nameof(user));
            }

            var users = _users.Append(user).OrderBy(u => u.AccountId, StringComparer.Ordinal).ToArray();
            var index = BuildIndex(users);
            Volatile.Write(ref _users, users);
            Volatile.Write(ref _index, index);
            return user;
        }
    }

    /// <summary>Sets (or adds) one product entry's last activity; null = access but never used.</summary>
    public void SetLastActive(string accountId, string productKey, string siteId, DateTimeOffset? at)
    {
        bool Same(SimProductAccess p) => p.Key == productKey && p.SiteId == siteId;
        Update(accountId, u =>
        {
            if (u.BulkHiddenAccess.Any(Same))
            {
                return u with { BulkHiddenAccess = u.BulkHiddenAccess.Select(p => Same(p) ? p with { LastActive = at } : p).ToArray() };
            }

            return u.ProductAccess.Any(Same)
                ? u with { ProductAccess = u.ProductAccess.Select(p => Same(p) ? p with { LastActive = at } : p).ToArray() }
                : u with { ProductAccess = [.. u.ProductAccess, new SimProductAccess(productKey, siteId, at)] };
        });
    }

    /// <summary>Adds one group membership (an admin's change between a plan and its apply).</summary>
    public void AddToGroup(string accountId, SimGroup group) =>
        Update(accountId, u => u.Groups.Contains(group) ? u : u with { Groups = [.. u.Groups, group] });

    /// <summary>How many suspend calls succeeded for this account.</summary>
    public int SuspendCount(string accountId) => _suspends.GetValueOrDefault(accountId);

    /// <summary>How many restore calls succeeded for this account.</summary>
    public int RestoreCount(string accountId) => _restores.GetValueOrDefault(accountId);

    /// <summary>
    /// A SHA-256 over every user's state (not the call counters), so a test can assert that a
    /// suspend-then-restore left the tenant exactly as it started.
    /// </summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        foreach (var u in Volatile.Read(ref _users))
        {
            line.Clear();
            line.Append(u.AccountId).Append('|').Append(u.AccountType).Append('|').Append(u.Name).Append('|')
                .Append(u.Nickname).Append('|').Append(u.Email).Append('|').Append(u.EmailVerified).Append('|')
                .Append(u.ClaimStatus).Append('|').Append(u.AccountStatus).Append('|').Append(u.MembershipStatus).Append('|')
                .Append(u.DirectoryId).Append('|').Append(u.AddedToOrg.UtcTicks).Append('|')
                .AppendJoin(',', u.PlatformRoles).Append('|');
            AppendAccess(line, u.ProductAccess);
            line.Append('|');
            AppendAccess(line, u.BulkHiddenAccess);
            line.Append('\n');
            hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The live array, sorted by account id. Internal: routes scan it without copying.</summary>
    internal SimUser[] Current => Volatile.Read(ref _users);

    internal SimUser? Update(string accountId, Func<SimUser, SimUser> change)
    {
        lock (_lock)
        {
            if (!_index.TryGetValue(accountId, out var i))
            {
                return null;
            }

            var updated = change(_users[i]);
            Volatile.Write(ref _users[i], updated);
            return updated;
        }
    }

    internal void CountSuspend(string accountId) => _suspends.AddOrUpdate(accountId, 1, (_, n) => n + 1);

    internal void CountRestore(string accountId) => _restores.AddOrUpdate(accountId, 1, (_, n) => n + 1);

    private static void AppendAccess(StringBuilder line, IEnumerable<SimProductAccess> access)
    {
        foreach (var p in access)
        {
            line.Append(p.Key).Append('@').Append(p.SiteId).Append('=')
                .Append(p.LastActive?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "never")
                .Append(p.PerUserDateOnly ? "d" : "").Append(';');
        }
    }

    private static Dictionary<string, int> BuildIndex(SimUser[] users)
    {
        var index = new Dictionary<string, int>(users.Length, StringComparer.Ordinal);
        for (var i = 0; i < users.Length; i++)
        {
            if (!index.TryAdd(users[i].AccountId, i))
            {
                throw new ArgumentException($"Duplicate account id {users[i].AccountId}");
            }
        }

        return index;
    }
}
