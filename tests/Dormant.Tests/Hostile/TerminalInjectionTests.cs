using System.Text.Json;
using Dormant.Cli.Rendering;
using Dormant.Simulators.Port;
using Dormant.Tests.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Hostile;

/// <summary>
/// A vendor display name is attacker-controlled text. On a terminal it must not clear the screen,
/// retitle the window, reorder text or forge a line; in --output json it must stay exactly itself.
/// </summary>
public sealed class TerminalInjectionTests
{
    private const string Hostile = "Eve\u001b[2J\u001b]0;pwned\u0007\u009b31m\r  done       ceo@corp.example\n\u202egnp.exe\u2066x\u2069\u0001\u0085end\ttab@corp.example";

    [Fact]
    public async Task Control_characters_in_vendor_names_are_escaped_on_text_output_and_exact_in_json()
    {
        // Given a Port tenant where one long-idle person's email (Port's entity identifier and Dormant's label) is hostile
        var created = PortKit.At(DateTimeOffset.UtcNow.AddDays(-400));
        var (user, entity) = PortKit.Person(Hostile, "active", created, created);
        var tenant = new PortTenant(PortKit.ClientId, PortKit.ClientSecret, [user], [entity]);
        await using var host = await PortSimulator.StartAsync(tenant);
        using var dir = new TempDir();
        var cli = PortCli.For(tenant, host, dir);

        // When scanning, planning, applying and showing, for people and for scripts
        var text = new List<CliResult>
        {
            await cli.RunAsync("scan", "-c", "port", "--max-share", "100"),
            await cli.RunAsync("plan", "-c", "port", "-o", "p.json", "--max-share", "100"),
            await cli.RunAsync("apply", "p.json", "--yes", "--backup-dir", "b"),
        };
        var runId = File.ReadAllText(dir.File("p.json")).Split("\"planId\": \"")[1].Split('"')[0];
        text.Add(await cli.RunAsync("show", runId));
        text.Add(await cli.RunAsync("runs"));
        var json = new[]
        {
            await cli.RunAsync("scan", "-c", "port", "--max-share", "100", "--output", "json"),
            await cli.RunAsync("show", runId, "--output", "json"),
        };

        // Then text shows the name with its controls escaped visibly and forges no line
        Assert.All(text, r => Assert.True(r.ExitCode == 0, r.All));
        Assert.Contains(text, r => r.Out.Contains(TerminalText.Escape(Hostile), StringComparison.Ordinal));
        foreach (var r in text.Concat(json.Select(j => j with { Out = "" })))
        {
            Assert.DoesNotContain(r.All, c => TerminalText.IsUnsafe(c) && c is not '\n' and not '\t');
            Assert.DoesNotContain(r.All.Split('\n'), line => line.TrimStart().StartsWith("done       ceo@", StringComparison.Ordinal));
        }
        // And JSON carries the exact string
        Assert.All(json, r =>
        {
            Assert.Equal(0, r.ExitCode);
            using var doc = JsonDocument.Parse(r.Out);
            Assert.Contains(Hostile, Strings(doc.RootElement));
        });
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
