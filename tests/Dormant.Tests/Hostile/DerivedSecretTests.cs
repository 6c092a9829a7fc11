using System.Globalization;
using System.Text;
using Dormant.Simulators;
using Dormant.Simulators.Port;
using Dormant.Tests.Support;

namespace Dormant.Tests.Hostile;

/// <summary>
/// Port's access token is not configured anywhere: Dormant obtains it from the client secret at run
/// time. A vendor error that echoes it, in any encoding, must still never leave the process.
/// </summary>
public sealed class DerivedSecretTests
{
    [Fact]
    public async Task An_echoed_access_token_is_redacted_in_every_encoding_everywhere()
    {
        // Given a Port tenant and a plan made through the CLI (which fetched the access token)
        using var dir = new TempDir();
        var tenant = PortTenant.Generate(30, seed: 13, DateTimeOffset.UtcNow);
        await using var host = await PortSimulator.StartAsync(tenant);
        var cli = PortCli.For(tenant, host, dir);
        Assert.Equal(0, (await cli.RunAsync("plan", "--connector", "port", "-o", "plan.json", "--max-share", "100")).ExitCode);
        var token = tenant.Tokens.Issue().Token; // the same active token the CLI holds (Port reuses it)
        var forms = Encodings(token, tenant.ClientId).ToList();

        // When every write is refused with an error that echoes the token in all those forms
        var message = string.Join(" | ", forms.Select(f => f.Replace("\\", "\\\\", StringComparison.Ordinal)));
        var echo = host.Faults.Add(new Fault
        {
            Id = "echo-token", PathContains = "/entities", Method = "POST", Status = 400, Times = int.MaxValue,
            Body = $"{{\"ok\":false,\"error\":\"invalid_request\",\"message\":\"token {JsonEscapeAll(token)} refused: {message}\"}}",
        });
        var outputs = new StringBuilder();
        async Task<CliResult> Run(params string[] args)
        {
            var r = await cli.RunAsync(args);
            outputs.Append(r.All);
            return r;
        }
        var apply = await Run("apply", "plan.json", "--yes", "--store", "s.db", "--backup-dir", "b");
        var runId = File.ReadAllText(dir.File("plan.json")).Split("\"planId\": \"")[1].Split('"')[0];
        await Run("show", runId, "--store", "s.db");
        await Run("show", runId, "--store", "s.db", "--output", "json");
        await Run("report", runId, "--store", "s.db", "-o", "r.html");
        await Run("report", runId, "--store", "s.db", "--format", "csv", "-o", "r.csv");
        await Run("report", runId, "--store", "s.db", "--format", "json", "-o", "r.json");
        await Run("report", runId, "--store", "s.db", "--format", "csv");

        // Then the vendor's answer was seen and masked, and no encoding of the token is anywhere
        Assert.True(echo.Fired > 0, echo.ToString());
        Assert.NotEqual(0, apply.ExitCode);
        Assert.Contains("token *** refused", outputs.ToString());
        var files = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("s.db", StringComparison.Ordinal));
        foreach (var form in forms.Append(JsonEscapeAll(token)))
        {
            Assert.DoesNotContain(form, outputs.ToString(), StringComparison.Ordinal);
            var needle = Encoding.UTF8.GetBytes(form);
            foreach (var file in files)
                Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(needle) < 0, $"{form} was written to {file}");
        }
    }

    /// <summary>How a vendor may echo a credential: each spelling Dormant promises to catch.</summary>
    private static IEnumerable<string> Encodings(string secret, string user)
    {
        yield return secret;
        yield return JsonEscapeAll(secret);
        yield return string.Concat(secret.Select((c, i) => i % 2 == 0 ? $"\\u{(int)c:X4}" : c.ToString())); // mixed, upper hex
        yield return string.Concat(Encoding.UTF8.GetBytes(secret).Select(b => $"%{b:X2}"));
        yield return string.Concat(Encoding.UTF8.GetBytes(secret).Select(b => $"%{b:x2}"));
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret));
        yield return basic;
        yield return basic.Replace("/", "\\/", StringComparison.Ordinal); // as a JSON encoder may write it
    }

    private static string JsonEscapeAll(string s) => string.Concat(s.Select(c => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture)));
}
