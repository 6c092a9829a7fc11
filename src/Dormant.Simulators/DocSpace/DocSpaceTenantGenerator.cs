namespace Dormant.Simulators.DocSpace;

/// <summary>
/// A seeded portal with what Dormant has to get right: mostly guests plus people, the owner, the
/// key's own admin, other admins, LDAP users, terminated users, fresh registrations and invitees,
/// and a busy login history (about ten events a user over 180 days) mixing successes of several
/// kinds with failed attempts and logouts — often newer than the person's last real login.
/// </summary>
internal static class DocSpaceTenantGenerator
{
    private static readonly string[] s_first = ["Ada", "Bram", "Chioma", "Dmitri", "Elif", "Farid", "Greta", "Hana", "Ivo", "Jun", "Kofi", "Lena", "Mateo", "Nia", "Oskar", "Priya"];
    private static readonly string[] s_last = ["Adler", "Bauer", "Costa", "Dube", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak"];
    private static readonly string[] s_guestDomains = ["contractor.example", "partner.example", "mail.example"];
    private static readonly string[] s_browsers = ["Chrome 126", "Firefox 128", "Edge 125", "Safari 17"];

    public static DocSpaceTenant Generate(int count, int seed, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var rng = new Random(seed);
        var groups = new[] { "Contractors", "Partners", "Marketing", "Engineering" }.ToDictionary(_ => NewGuid(rng), n => n);
        var groupIds = groups.Keys.ToArray();
        var users = new List<DocSpaceSimUser>(count);
        var events = new List<(DateTimeOffset At, DocSpaceSimUser User, int Action)>(count * 10);
        for (var i = 0; i < count; i++)
        {
            var user = MakeUser(i, rng, now, groupIds);
            users.Add(user);
            AddHistory(user, rng, now, events);
        }
        var id = 0;
        var rows = events.OrderBy(e => e.At).Select(e => new DocSpaceSimLoginEvent(++id, e.At, e.User.Id, e.User.DisplayName, e.User.Email, e.Action,
            $"198.51.100.{rng.Next(1, 255)}", s_browsers[rng.Next(s_browsers.Length)]));
        return new DocSpaceTenant("sk-" + Convert.ToHexStringLower(RandomBytes(rng, 24)), users[1].Id, users, rows, groups);
    }

    private static DocSpaceSimUser MakeUser(int i, Random rng, DateTimeOffset now, Guid[] groupIds)
    {
        var roll = rng.NextDouble();
        // 0 is the owner, 1 the admin whose API key Dormant uses; then ~4% admins, ~10% room admins, ~30% users, the rest guests.
        var type = i <= 1 ? "DocSpaceAdmin" : roll < 0.04 ? "DocSpaceAdmin" : roll < 0.14 ? "RoomAdmin" : roll < 0.44 ? "User" : "Guest";
        var first = s_first[rng.Next(s_first.Length)];
        var last = s_last[rng.Next(s_last.Length)];
        var domain = type == "Guest" ? s_guestDomains[rng.Next(s_guestDomains.Length)] : "acme.example";
        var registered = i > 1 && rng.NextDouble() < 0.08 ? DaysAgo(rng, now, 0.5, 25) : DaysAgo(rng, now, 40, 900);
        var terminated = i > 1 && rng.NextDouble() < 0.06;
        return new DocSpaceSimUser
        {
            Id = NewGuid(rng),
            FirstName = first,
            LastName = last,
            Email = $"{first}.{last}.{i}@{domain}".ToLowerInvariant(),
            Type = type,
            IsOwner = i == 0,
            IsLdap = i > 1 && rng.NextDouble() < 0.04,
            Status = terminated ? 2 : 1,
            ActivationStatus = i > 1 && !terminated && rng.NextDouble() < 0.03 ? 2 : 1,
            TerminatedAt = terminated ? DaysAgo(rng, now, 1, 120) : null,
            GroupIds = rng.NextDouble() < 0.6 ? [groupIds[(type == "Guest" ? 0 : 2) + rng.Next(2)]] : [],
            RegistrationDate = registered,
        };
    }

    private static void AddHistory(DocSpaceSimUser u, Random rng, DateTimeOffset now, List<(DateTimeOffset, DocSpaceSimUser, int)> events)
    {
        var window = Math.Min(179.0, (now - u.RegistrationDate).TotalDays);
        if (u.ActivationStatus == 2 || window <= 0) return; // invitees never signed in
        var roll = rng.NextDouble();
        // Recent (0-29 days), stale (30-179), or no success in the window at all.
        double? lastSuccess = u.Status == 2 ? null : roll < 0.5 ? rng.NextDouble() * Math.Min(29, window)
            : roll < 0.8 && window > 30 ? 30 + (rng.NextDouble() * (window - 30)) : null;
        for (var d = lastSuccess; d is { } day && day < window; d = day + 2 + (rng.NextDouble() * 18))
        {
            var at = now.AddDays(-day);
            events.Add((at, u, DocSpaceActions.Successes[rng.Next(DocSpaceActions.Successes.Length)]));
            var logout = at.AddHours(1 + (rng.NextDouble() * 6));
            if (rng.NextDouble() < 0.4 && logout < now) events.Add((logout, u, DocSpaceActions.Logout));
            if (rng.NextDouble() < 0.1) events.Add((at.AddMinutes(-1 - rng.Next(10)), u, DocSpaceActions.LoginFailInvalidCombination));
        }
        // Failed attempts newer than the last real login: someone tried, nobody got in.
        if (rng.NextDouble() < 0.5)
        {
            var newest = Math.Min(lastSuccess ?? window, window);
            for (var k = rng.Next(1, 4); k > 0; k--)
                events.Add((now.AddDays(-(rng.NextDouble() * newest)), u, DocSpaceActions.Failures[rng.Next(DocSpaceActions.Failures.Length)]));
        }
    }

    // Whole ticks, so dates carry 7 fractional digits like DocSpace's.
    private static DateTimeOffset DaysAgo(Random rng, DateTimeOffset now, double min, double max) =>
        now.AddTicks(-(long)((min + (rng.NextDouble() * (max - min))) * TimeSpan.TicksPerDay));

    private static Guid NewGuid(Random rng) => new(RandomBytes(rng, 16));

    private static byte[] RandomBytes(Random rng, int n)
    {
        var b = new byte[n];
        rng.NextBytes(b);
        return b;
    }
}
