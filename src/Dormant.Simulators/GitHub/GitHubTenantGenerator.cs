using System.Globalization;

namespace Dormant.Simulators.GitHub;

/// <summary>
/// A seeded organization: three owners (one is the token's user), two bots, the rest members. Most
/// hold a Copilot seat: active, idle, never used (granted recently or long ago), granted by a team,
/// or already cancelled. The audit log holds each member's latest web event, Git pushes of the last
/// week, and the org.add_member of those who joined inside the log's 180 days.
/// </summary>
public static class GitHubTenantGenerator
{
    public const string Org = "sim-org";
    public const string Caller = "dormant-admin";
    public const string Token = "ghp_simulatedTokenForDormant0123456789ab";

    public static GitHubTenant Generate(int users, int seed, DateTimeOffset now)
    {
        var random = new Random(seed);
        var members = new List<SimGitHubUser>();
        var seats = new List<SimSeat>();
        var events = new List<SimAuditEvent>();
        var teams = new Dictionary<string, string> { ["platform"] = "Platform", ["data-science"] = "Data Science" };
        var id = 1000L;
        members.Add(new SimGitHubUser { Login = Caller, Id = id++, Role = "admin" });
        for (var i = 0; members.Count < Math.Max(users, 6); i++)
        {
            var login = i switch
            {
                0 or 1 => $"owner-{i + 1}",
                2 or 3 => $"build-bot-{i - 1}",
                _ => $"dev-{(i - 3).ToString("D4", CultureInfo.InvariantCulture)}",
            };
            members.Add(new SimGitHubUser
            {
                Login = login, Id = id++, Role = i < 2 ? "admin" : "member", Type = i is 2 or 3 ? "Bot" : "User",
            });
        }
        var n = 0;
        foreach (var m in members)
        {
            var kind = random.Next(100);
            DateTimeOffset? lastWeb = kind switch { < 40 => Ago(random, 0, 30, now), < 60 => Ago(random, 30, 90, now), < 75 => Ago(random, 90, 179, now), _ => null };
            if (m.Login == Caller) lastWeb = now.AddHours(-1);
            if (lastWeb is { } web) events.Add(new SimAuditEvent($"gen-{n++}", m.Login, "repo.access", web));
            if (random.Next(100) < 15) events.Add(new SimAuditEvent($"gen-{n++}", m.Login, "git.push", Ago(random, 0, 6, now)));
            if (random.Next(100) < 10) events.Add(new SimAuditEvent($"gen-{n++}", Caller, "org.add_member", Ago(random, 10, 170, now), m.Login));
            if (random.Next(100) < 75 && m.Type == "User") seats.Add(SeatFor(m.Login, random, now, teams.Keys.ToList()));
        }
        return new GitHubTenant(Org, 424242, Token, Caller, members, seats, events, teams);
    }

    private static SimSeat SeatFor(string login, Random random, DateTimeOffset now, List<string> teams)
    {
        var kind = random.Next(100);
        var created = Ago(random, 200, 700, now);
        return kind switch
        {
            // Active and idle seats, with the editor and the last sign-in to Copilot.
            < 40 => Used(login, created, Ago(random, 0, 25, now), random),
            < 65 => Used(login, created, Ago(random, 95, 400, now), random),
            // Never used: granted last week (safe), or long ago (idle since it was granted).
            < 72 => new SimSeat { Login = login, CreatedAt = Ago(random, 1, 14, now) },
            < 80 => new SimSeat { Login = login, CreatedAt = created },
            // Granted by a team: cannot be removed per user.
            < 90 => Used(login, created, Ago(random, 100, 300, now), random) with { Team = teams[random.Next(teams.Count)] },
            // Already cancelled this cycle.
            _ => Used(login, created, Ago(random, 120, 300, now), random) with
            {
                PendingCancellation = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1 - now.Day).AddMonths(1),
            },
        };
    }

    private static SimSeat Used(string login, DateTimeOffset created, DateTimeOffset last, Random random) => new()
    {
        Login = login, CreatedAt = created, LastActivityAt = last, LastAuthenticatedAt = last.AddHours(-random.Next(1, 48)),
        LastActivityEditor = random.Next(2) == 0 ? "vscode/1.96.0/copilot/1.250.0" : "JetBrains-IC/243.2/copilot-intellij/1.5.30",
    };

    private static DateTimeOffset Ago(Random random, int minDays, int maxDays, DateTimeOffset now) =>
        now.AddMinutes(-random.Next(minDays * 1440, Math.Max(minDays * 1440 + 1, maxDays * 1440)));

}
