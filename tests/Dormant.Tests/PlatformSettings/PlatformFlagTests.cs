using Dormant.Connectors;
using Dormant.Tests.Support;

namespace Dormant.Tests.PlatformSettings;

/// <summary>--&lt;platform&gt;-&lt;key&gt; sets a setting; Dormant's earlier flags still do, hidden.</summary>
public sealed class PlatformFlagTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Platforms() => new(PlatformCatalog.All.Select(p => p.Platform));

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task The_platforms_flags_alone_connect(string platform)
    {
        await using var s = await SimScenario.StartAsync(platform, users: 10);
        var flags = new List<string>();
        foreach (var spec in PlatformCatalog.Find(platform).Settings)
            if (s.Cli.Variables.Remove(SettingNames.Variable(platform, spec), out var value))
                flags.AddRange([$"--{platform}-{spec.Key}", value]);
        Assert.DoesNotContain(s.Cli.Variables.Keys, k => k.StartsWith("DORMANT_" + platform.ToUpperInvariant(), StringComparison.Ordinal));

        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, platform, [.. flags])) > 0);
    }

    [Theory]
    [InlineData("atlassian", "--org-id")]
    [InlineData("atlassian", "--api-key")]
    [InlineData("port", "--client-id")]
    [InlineData("port", "--client-secret")]
    [InlineData("docspace", "--host")]
    public async Task An_earlier_flag_still_gives_its_credential(string platform, string flag)
    {
        await using var s = await SimScenario.StartAsync(platform, users: 10);
        var spec = PlatformCatalog.Find(platform).Settings.Single(x => x.FlagAliases.Contains(flag));
        Assert.True(s.Cli.Variables.Remove(SettingNames.Variable(platform, spec), out var value));

        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, platform, flag, value)) > 0);
    }

    [Theory]
    [InlineData("atlassian", "--base-url", "ftp://example.com", "URL 'ftp://example.com' is not an http(s) URL")]
    [InlineData("port", "--base-url", "ftp://example.com", "URL 'ftp://example.com' is not an http(s) URL")]
    [InlineData("docspace", "--docspace-area", "everyone", "expected one of guests, people, all, got 'everyone'")]
    [InlineData("docspace", "--employee-type", "Boss", "expected one of Guest, User, RoomAdmin, DocSpaceAdmin, got 'Boss'")]
    [InlineData("docspace", "--group", "staff", "expected a DocSpace group id (a GUID), got 'staff'")]
    [InlineData("docspace", "--lookback-days", "365", "expected a whole number from 1 to 180, got '365'")]
    [InlineData("docspace", "--docspace-lookback-days", "0", "expected a whole number from 1 to 180, got '0'")]
    public async Task A_flag_is_checked_by_the_settings_rule_and_named(string platform, string flag, string value, string problem)
    {
        // Nothing else set: a flag that were ignored could reach no vendor.
        var r = await new CliHarness(_dir.Path).RunAsync("scan", "--connector", platform, flag, value);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: {flag}: {problem}", r.Error);
    }

    [Theory]
    [InlineData("--email-domain")]
    [InlineData("--docspace-email-domain")]
    public async Task The_email_domain_flag_narrows_the_scan(string flag)
    {
        await using var s = await SimScenario.StartAsync("docspace", users: 30);
        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, "docspace")) > 0);

        Assert.Equal(0, Scan.Decisions(await Scan.RunAsync(s.Cli, "docspace", flag, "nobody-works-here.example")));
    }

    [Fact]
    public async Task The_new_flag_beats_the_earlier_one()
    {
        await using var s = await SimScenario.StartAsync("port", users: 10);
        Assert.True(s.Cli.Variables.Remove("DORMANT_PORT_BASE_URL", out var url));

        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, "port", "--base-url", "ftp://earlier.example", "--port-base-url", url)) > 0);
    }

    [Fact]
    public async Task A_typo_of_a_hidden_platform_flag_gets_its_name()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("scan", "-c", "atlassian", "--atlassian-org-di", "x");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unknown option '--atlassian-org-di'", r.Error);
        Assert.Contains("did you mean '--atlassian-org-id'?", r.Error);
    }
}
