using System.Globalization;
using System.Text.Json.Nodes;

namespace Dormant.Simulators.Port;

/// <summary>
/// A seeded organization with what a Port client must get right: statuses in mixed letter case
/// (the seed lower-cases them), admins, service accounts, users who never logged in, entities
/// never updated (no updatedAt), emails with '+', and timestamps with negative UTC offsets.
/// </summary>
internal static class PortTenantGenerator
{
    private static readonly string[] s_first = ["Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Alan", "Radia"];
    private static readonly string[] s_last = ["Lovelace", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie", "Allen", "Turing", "Perlman"];
    private static readonly string[] s_disabled = ["Disabled", "disabled", "DISABLED", "Inactive", "inactive"];
    private static readonly string[] s_offsets = ["-05:00", "-08:00", "-03:30", "+02:00"];

    public static PortTenant Generate(int count, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed);
        var users = new List<SimPortUser>(count);
        var entities = new List<SimEntity>(count + (count / 10));
        for (var i = 0; i < count; i++)
        {
            var (user, entity) = Person(i, rng, now);
            users.Add(user);
            entities.Add(entity);
            // Some people created catalog entities: what a delete leaves behind.
            if (rng.NextDouble() < 0.1)
                entities.Add(new SimEntity { Blueprint = "service", Identifier = $"svc-{i}", Title = $"Service {i}", CreatedAt = entity.CreatedAt, CreatedBy = user.Id });
        }
        var secret = Hex(rng, 32);
        return new PortTenant("sim-client-" + Hex(rng, 8), secret, users, entities);
    }

    private static (SimPortUser, SimEntity) Person(int i, Random rng, DateTimeOffset now)
    {
        var first = s_first[i % s_first.Length];
        var last = s_last[(i / s_first.Length) % s_last.Length];
        var service = rng.NextDouble() < 0.03;
        var admin = !service && rng.NextDouble() < 0.04;
        var email = service ? $"bot-{i}@serviceaccounts.port.example"
            : i % 7 == 3 ? $"{first}.{last}+{i}@example.com".ToLowerInvariant()
            : $"{first}.{last}.{i}@example.com".ToLowerInvariant();
        var created = now.AddDays(-rng.Next(20, 900)).AddSeconds(-rng.Next(86_400));
        var roll = rng.NextDouble();
        var status = roll < 0.70 ? "Active" : roll < 0.85 ? s_disabled[rng.Next(s_disabled.Length)] : roll < 0.95 ? "Invited" : "Staged";
        DateTimeOffset? login = status is "Invited" or "Staged" || service || rng.NextDouble() < 0.1
            ? null
            : Between(rng, created, rng.NextDouble() < 0.6 ? now.AddDays(-60) : created, now);
        var user = new SimPortUser
        {
            Id = "user_" + Hex(rng, 8), Email = email, FirstName = first, LastName = service ? "Bot" : last,
            CreatedAt = created, Roles = admin ? ["Admin"] : ["Member"], LastLoginAt = login,
            // From the index, not the generator: adding teams leaves every other draw of a seed as it was.
            Teams = service ? [] : i % 10 == 4 ? ["contractors"] : i % 3 == 0 ? ["platform", "sre"] : ["engineering"],
        };
        var properties = new JsonObject
        {
            ["status"] = status, ["port_role"] = admin ? "Admin" : "Member",
            ["port_type"] = service ? "Service Account" : "Standard", ["moderated_blueprints"] = new JsonArray(),
        };
        var entity = new SimEntity
        {
            Identifier = email, Title = $"{user.FirstName} {user.LastName}", PropertiesJson = properties.ToJsonString(),
            CreatedAt = Format(created, rng),
            UpdatedAt = rng.NextDouble() < 0.2 ? null : Format(Between(rng, created, created, now), rng),
            // No StatusLocked users here: a generated tenant must let the demo walk cleanly; tests
            // that want Port's per-entity refusals (207) build such users by hand.
        };
        return (user, entity);
    }

    private static DateTimeOffset Between(Random rng, DateTimeOffset floor, DateTimeOffset from, DateTimeOffset to)
    {
        if (from < floor) from = floor;
        return from >= to ? to : from + TimeSpan.FromSeconds(rng.NextDouble() * (to - from).TotalSeconds);
    }

    /// <summary>Mostly UTC with Z, sometimes the same instant written in another offset.</summary>
    internal static string Format(DateTimeOffset at, Random rng)
    {
        if (rng.NextDouble() >= 0.2) return at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var offset = TimeSpan.Parse(s_offsets[rng.Next(s_offsets.Length)].TrimStart('+'), CultureInfo.InvariantCulture);
        return at.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }

    private static string Hex(Random rng, int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        rng.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
