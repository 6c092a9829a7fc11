using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dormant.Simulators.Port;

/// <summary>
/// The simulated Port organization: users, catalog entities (the `_user` blueprint and others),
/// the credential, tokens and per-entity write counters. Thread-safe: every change happens under
/// one lock and replaces an immutable record.
/// </summary>
public sealed class PortTenant
{
    public const string UserBlueprint = "_user";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, SimPortUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SimEntity> _entities = new(StringComparer.Ordinal);
    // Indexes in the order the listings answer in (email; identifier within a blueprint, as a key
    // is blueprint, newline, identifier), as a database keeps them: no listing sorts 10,000 rows.
    private readonly SortedDictionary<string, SimPortUser> _usersByEmail = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _entityKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _deletes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);

    public PortTenant(string clientId, string clientSecret, IEnumerable<SimPortUser> users, IEnumerable<SimEntity> entities, TimeProvider? clock = null)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        Clock = clock ?? TimeProvider.System;
        Tokens = new PortTokens(Clock);
        foreach (var u in users)
        {
            _users.Add(u.Email, u);
            _usersByEmail.Add(u.Email, u);
        }
        foreach (var e in entities)
        {
            _entities.Add(e.Key, e);
            _entityKeys.Add(e.Key);
        }
    }

    public string ClientId { get; }
    public string ClientSecret { get; }
    /// <summary>The organization the credentials belong to; a test may move them to another one.</summary>
    public string OrgId { get; set; } = "org_sim";

    public string OrgName { get; set; } = "Simulated organization";
    public TimeProvider Clock { get; }
    public PortTokens Tokens { get; }
    public IReadOnlySet<string> Blueprints { get; init; } = new HashSet<string>(StringComparer.Ordinal) { UserBlueprint, "service" };

    public static PortTenant Generate(int users, int seed, DateTimeOffset now) => PortTenantGenerator.Generate(users, seed, now);

    public IReadOnlyList<SimPortUser> Users { get { lock (_lock) return _users.Values.ToArray(); } }

    public IReadOnlyList<SimEntity> Entities { get { lock (_lock) return _entities.Values.ToArray(); } }

    /// <summary>Every user by email (ordinal), with its `_user` entity (null without one), read under one lock.</summary>
    internal (SimPortUser User, SimEntity? Entity)[] UsersWithEntities()
    {
        lock (_lock) return _usersByEmail.Values.Select(u => (u, _entities.GetValueOrDefault(KeyOf(UserBlueprint, u.Email)))).ToArray();
    }

    /// <summary>A blueprint's entities by identifier (ordinal).</summary>
    internal SimEntity[] EntitiesOf(string blueprint)
    {
        lock (_lock) return _entityKeys.Select(k => _entities[k]).Where(e => e.Blueprint == blueprint).ToArray();
    }

    public SimPortUser? FindUser(string email) { lock (_lock) return _users.GetValueOrDefault(email); }

    public SimEntity? FindEntity(string blueprint, string identifier) { lock (_lock) return _entities.GetValueOrDefault(KeyOf(blueprint, identifier)); }

    /// <summary>Successful deletes of this entity (blueprint `_user` unless given).</summary>
    public int DeleteCount(string identifier, string blueprint = UserBlueprint) => _deletes.GetValueOrDefault(KeyOf(blueprint, identifier));

    /// <summary>Successful updates (PATCH, PUT or bulk) of this entity.</summary>
    public int WriteCount(string identifier, string blueprint = UserBlueprint) => _writes.GetValueOrDefault(KeyOf(blueprint, identifier));

    internal static string KeyOf(string blueprint, string identifier) => blueprint + "\n" + identifier;

    /// <summary>Creates or replaces an entity; a replace counts as a write.</summary>
    internal SimEntity Put(SimEntity entity)
    {
        lock (_lock)
        {
            var exists = !_entityKeys.Add(entity.Key);
            _entities[entity.Key] = entity;
            if (exists) _writes.AddOrUpdate(entity.Key, 1, (_, n) => n + 1);
            return entity;
        }
    }

    /// <summary>Deleting a `_user` entity deletes the Port user too (two-way sync, manage-users-teams.md).</summary>
    internal bool Delete(string blueprint, string identifier)
    {
        lock (_lock)
        {
            if (!_entities.Remove(KeyOf(blueprint, identifier))) return false;
            _entityKeys.Remove(KeyOf(blueprint, identifier));
            if (blueprint == UserBlueprint && _users.Remove(identifier, out var user)) _usersByEmail.Remove(user.Email);
            _deletes.AddOrUpdate(KeyOf(blueprint, identifier), 1, (_, n) => n + 1);
            return true;
        }
    }

    internal string Stamp() => Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// SHA-256 over users and entities, sorted. updatedAt/updatedBy are left out: Port moves them on
    /// every write, so a disable-then-restore can never put them back; everything a person sees as
    /// the account (status, role, type, title, team, creation) is in.
    /// </summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var line = new StringBuilder();
        lock (_lock)
        {
            foreach (var u in _users.Values.OrderBy(u => u.Email, StringComparer.Ordinal))
            {
                line.Clear().Append("u|").Append(u.Id).Append('|').Append(u.Email).Append('|').Append(u.FirstName).Append('|')
                    .Append(u.LastName).Append('|').Append(u.CreatedAt.UtcTicks).Append('|').AppendJoin(',', u.Roles).Append('|')
                    .AppendJoin(',', u.Teams).Append('|').Append(u.LastLoginAt?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "never").Append('\n');
                hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
            }
            foreach (var e in _entities.Values.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                line.Clear().Append("e|").Append(e.Blueprint).Append('|').Append(e.Identifier).Append('|').Append(e.Title).Append('|')
                    .Append(e.PropertiesJson).Append('|').AppendJoin(',', e.Team).Append('|').Append(e.CreatedAt).Append('|')
                    .Append(e.CreatedBy).Append('|').Append(e.StatusLocked).Append('\n');
                hash.AppendData(Encoding.UTF8.GetBytes(line.ToString()));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
