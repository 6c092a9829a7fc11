using Dormant.Connectors;
using Dormant.Tests.Support;

namespace Dormant.Tests.PlatformSettings;

/// <summary>
/// DORMANT_&lt;PLATFORM&gt;_&lt;KEY&gt; sets a setting; the vendor's customary names (the seed scripts') still do,
/// after it. Tests that could reach a vendor if a name were missed leave the credentials unset, so
/// a regression is a "missing" error, never a request beyond this machine.
/// </summary>
public sealed class PlatformVariableTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Platforms() => new(PlatformCatalog.All.Select(p => p.Platform));

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Dormant_variables_alone_connect(string platform)
    {
        await using var s = await SimScenario.StartAsync(platform, users: 10);
        var aliases = PlatformCatalog.Find(platform).Settings.SelectMany(x => x.EnvAliases).ToList();
        Assert.DoesNotContain(s.Cli.Variables.Keys, aliases.Contains);
        Assert.Contains(s.Cli.Variables.Keys, k => k.StartsWith($"DORMANT_{platform.ToUpperInvariant()}_", StringComparison.Ordinal));

        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, platform)) > 0);
    }

    [Theory]
    [InlineData("atlassian", "ATLASSIAN_ORG_ID")]
    [InlineData("atlassian", "ATLASSIAN_API_KEY")]
    [InlineData("port", "PORT_CLIENT_ID")]
    [InlineData("port", "PORT_CLIENT_SECRET")]
    [InlineData("docspace", "DOCSPACE_API_HOST")]
    [InlineData("docspace", "DOCSPACE_API_KEY")]
    public async Task A_seed_variable_still_gives_its_credential(string platform, string alias)
    {
        await using var s = await SimScenario.StartAsync(platform, users: 10);
        var spec = PlatformCatalog.Find(platform).Settings.Single(x => x.EnvAliases.Contains(alias));
        Assert.True(s.Cli.Variables.Remove(SettingNames.Variable(platform, spec)));
        s.Cli.Variables[alias] = s.Sim.Environment[alias];

        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, platform)) > 0);
    }

    [Theory]
    [InlineData("atlassian", "ATLASSIAN_API_URL", "ftp://example.com", "URL 'ftp://example.com' is not an http(s) URL")]
    [InlineData("port", "PORT_API_URL", "http://admin.example.com", "URL 'http://admin.example.com' uses plain http to a non-loopback host")]
    [InlineData("docspace", "DOCSPACE_AREA", "everyone", "expected one of guests, people, all, got 'everyone'")]
    [InlineData("docspace", "DOCSPACE_EMPLOYEE_TYPE", "Boss", "expected one of Guest, User, RoomAdmin, DocSpaceAdmin, got 'Boss'")]
    [InlineData("docspace", "DOCSPACE_GROUP_ID", "staff", "expected a DocSpace group id (a GUID), got 'staff'")]
    [InlineData("docspace", "DOCSPACE_LOOKBACK_DAYS", "365", "expected a whole number from 1 to 180, got '365'")]
    public async Task A_seed_variable_is_read_and_checked_by_the_settings_rule(string platform, string alias, string value, string problem)
    {
        var cli = new CliHarness(_dir.Path);
        cli.Variables[alias] = value;

        var r = await cli.RunAsync("scan", "--connector", platform);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: {alias}: {problem}", r.Error);
        Assert.Contains("error: missing ", r.Error); // and, in the same run, what else is missing
    }

    [Theory]
    [InlineData("DOCSPACE_EMAIL_DOMAIN")]
    [InlineData("DORMANT_DOCSPACE_EMAIL_DOMAIN")]
    public async Task The_email_domain_variable_narrows_the_scan(string variable)
    {
        await using var s = await SimScenario.StartAsync("docspace", users: 30);
        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, "docspace")) > 0);

        s.Cli.Variables[variable] = "nobody-works-here.example";

        Assert.Equal(0, Scan.Decisions(await Scan.RunAsync(s.Cli, "docspace")));
    }

    [Fact]
    public async Task Flag_beats_dormant_variable_beats_seed_variable()
    {
        await using var s = await SimScenario.StartAsync("atlassian", users: 10);
        var url = s.Cli.Variables["DORMANT_ATLASSIAN_BASE_URL"];

        // The seed's name loses to Dormant's: never even read.
        s.Cli.Variables["ATLASSIAN_API_URL"] = "ftp://seed.example";
        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, "atlassian")) > 0);

        // Dormant's variable loses to the flag, and is the one blamed without it.
        s.Cli.Variables["DORMANT_ATLASSIAN_BASE_URL"] = "ftp://dormant.example";
        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, "atlassian", "--atlassian-base-url", url)) > 0);
        var r = await Scan.RunAsync(s.Cli, "atlassian");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: DORMANT_ATLASSIAN_BASE_URL: URL 'ftp://dormant.example'", r.Error);
    }

    [Fact]
    public async Task Every_missing_setting_is_named_in_one_run_before_any_request()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("scan", "--connector", "docspace");

        Assert.Equal(2, r.ExitCode);
        var lines = r.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
        [
            "error: missing DocSpace portal URL (https://<portal>.onlyoffice.com): set DORMANT_DOCSPACE_HOST (or DOCSPACE_API_HOST) in the environment or .env, or pass --docspace-host",
            "error: missing DocSpace API key (personal access token, sk-…): set DORMANT_DOCSPACE_KEY (or DOCSPACE_API_KEY) in the environment or .env, or pass --docspace-key",
        ], lines);
    }
}
