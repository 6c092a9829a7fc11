using Dormant.Tests.Support;

namespace Dormant.Tests.PlatformSettings;

/// <summary>
/// A tenant of dormant.yaml uses the settings' keys (and their earlier names); its values are checked by
/// the same rules as flags, every problem at once; its own settings beat the platform-wide variables,
/// and flags beat it.
/// </summary>
public sealed class PlatformConfigTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Config_check_names_every_bad_setting_value_with_its_line()
    {
        File.WriteAllText(_dir.File("dormant.yaml"), """
            version: 1
            tenants:
              atl:
                connector: atlassian
                settings:
                  org-id: org-1
                  base-url: ftp://example.com
              docs:
                connector: docspace
                settings:
                  host: "http://docs.example.com"
                  docspace-area: everyone
                  group: staff
                  lookback-days: 365
            """);

        var r = await new CliHarness(_dir.Path).RunAsync("config", "check");

        Assert.Equal(2, r.ExitCode);
        var lines = r.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        string[] expected =
        [
            "dormant.yaml:7: tenants.atl.settings.base-url: URL 'ftp://example.com' is not an http(s) URL",
            "dormant.yaml:11: tenants.docs.settings.host: URL 'http://docs.example.com' uses plain http to a non-loopback host",
            "dormant.yaml:12: tenants.docs.settings.docspace-area: expected one of guests, people, all, got 'everyone'",
            "dormant.yaml:13: tenants.docs.settings.group: expected a DocSpace group id (a GUID), got 'staff'",
            "dormant.yaml:14: tenants.docs.settings.lookback-days: expected a whole number from 1 to 180, got '365'",
        ];
        Assert.Equal(expected.Length, lines.Count);
        foreach (var e in expected) Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("/" + e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Config_check_warns_of_what_this_environment_leaves_missing()
    {
        File.WriteAllText(_dir.File("dormant.yaml"), """
            version: 1
            tenants:
              atl:
                connector: atlassian
                secrets: { api-key: ATL_KEY }
            """);

        var r = await new CliHarness(_dir.Path).RunAsync("config", "check");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("warning: atl: environment variable ATL_KEY (its api-key) is not set", r.Error);
        Assert.Contains("warning: atl: missing Atlassian organization ID: set DORMANT_ATLASSIAN_ORG_ID (or ATLASSIAN_ORG_ID) in the environment or .env, "
            + "or pass --atlassian-org-id, or set org-id in the tenant's settings", r.Error);
    }

    [Theory]
    [InlineData("key", "area")]
    [InlineData("docspace-key", "docspace-area")] // the names the README showed before the settings had platform prefixes
    public async Task A_docspace_tenant_reads_its_keys_and_their_earlier_names(string key, string area)
    {
        await using var s = await SimScenario.StartAsync("docspace", users: 30);
        var guests = Scan.Decisions(await Scan.RunAsync(s.Cli, "docspace"));
        s.Cli.Variables["DOCS_KEY"] = s.Cli.Variables["DORMANT_DOCSPACE_KEY"];
        File.WriteAllText(s.Dir.File("dormant.yaml"), $"""
            version: 1
            tenants:
              docs:
                connector: docspace
                settings:
                  host: {s.Cli.Variables["DORMANT_DOCSPACE_HOST"]}
                  {area}: all
                secrets:
                  {key}: DOCS_KEY
            """);
        s.Cli.Variables.Remove("DORMANT_DOCSPACE_KEY");
        s.Cli.Variables.Remove("DORMANT_DOCSPACE_HOST");

        Assert.Equal(0, (await s.Cli.RunAsync("config", "check")).ExitCode);
        Assert.Equal(30, Scan.Decisions(await Scan.RunAsync(s.Cli, "docs")));
        Assert.True(guests < 30, "the default area (guests) should consider fewer than everyone");
    }

    [Fact]
    public async Task A_tenants_settings_beat_the_platform_variables_and_flags_beat_the_tenant()
    {
        await using var s = await SimScenario.StartAsync("atlassian", users: 10);
        var v = s.Cli.Variables;
        v["CORP_KEY"] = v["DORMANT_ATLASSIAN_API_KEY"];
        File.WriteAllText(s.Dir.File("dormant.yaml"), $"""
            version: 1
            tenants:
              corp:
                connector: atlassian
                settings:
                  org-id: {v["DORMANT_ATLASSIAN_ORG_ID"]}
                  base-url: {v["DORMANT_ATLASSIAN_BASE_URL"]}
                secrets:
                  api-key: CORP_KEY
            """);
        // Platform-wide values, in both the DORMANT_ and the seed names, that would each break the tenant.
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["DORMANT_ATLASSIAN_ORG_ID"] = "another-org", ["ATLASSIAN_ORG_ID"] = "another-org",
                     ["DORMANT_ATLASSIAN_API_KEY"] = "wrong-key", ["ATLASSIAN_API_KEY"] = "wrong-key",
                     ["DORMANT_ATLASSIAN_BASE_URL"] = "ftp://wrong.example", ["ATLASSIAN_API_URL"] = "ftp://wrong.example",
                 })
            v[name] = value;

        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, "corp")) > 0);

        var flagged = await Scan.RunAsync(s.Cli, "corp", "--atlassian-org-id", "flag-org");
        Assert.Equal(2, flagged.ExitCode);
        Assert.Contains("does not belong to organization flag-org", flagged.Error);
    }

    [Fact]
    public async Task A_tenant_without_a_setting_takes_the_platforms_variable()
    {
        await using var s = await SimScenario.StartAsync("port", users: 10);
        File.WriteAllText(s.Dir.File("dormant.yaml"), "version: 1\ntenants:\n  p:\n    connector: port\n");

        Assert.True(Scan.Decisions(await Scan.RunAsync(s.Cli, "p")) > 0);
    }
}
