using Dormant.Tests.Support;

namespace Dormant.Tests.Config;

/// <summary>Every bad config gives exit code 2 and one line naming the file, the line and the key.</summary>
public sealed class BadConfigTests
{
    private const string Good = """
        version: 1
        tenants:
          corp:
            connector: atlassian
            settings:
              org-id: org-1
            secrets:
              api-key: CORP_KEY
            policy:
              inactive-days: 90
        """;

    [Theory]
    [InlineData("inactive-days: 90", "inactive-days: ninety", 10, "tenants.corp.policy.inactive-days: expected a whole number")]
    [InlineData("inactive-days: 90", "inactve-days: 90", 10, "tenants.corp.policy.inactve-days: unknown key")]
    [InlineData("connector: atlassian", "connector: jira", 4, "tenants.corp.connector: unknown connector 'jira'")]
    [InlineData("org-id: org-1", "api-key: hunter2-secret", 6, "tenants.corp.settings.api-key: secrets never go in the config file")]
    [InlineData("org-id: org-1", "orgid: org-1", 6, "tenants.corp.settings.orgid: atlassian has no setting 'orgid'")]
    [InlineData("api-key: CORP_KEY", "api-key: ATCTT3x-not-a-name!", 8, "tenants.corp.secrets.api-key: expected the NAME of an environment variable")]
    [InlineData("inactive-days: 90", "max-share: 250", 10, "tenants.corp.policy.max-share: is a percentage")]
    [InlineData("version: 1", "version: 2", 1, "version: only version 1 is known")]
    [InlineData("tenants:", "tenant:", 2, "tenant: unknown key")]
    [InlineData("inactive-days: 90", "exclude: { a: b }", 10, "tenants.corp.policy.exclude: expected a list")]
    public async Task Bad_config_names_line_and_key(string from, string to, int line, string expected)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("dormant.yaml"), Good.Replace(from, to));
        var r = await new CliHarness(dir.Path).RunAsync("config", "check");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"dormant.yaml:{line}: {expected}", r.Error);
        Assert.Single(r.Error.Trim().Split('\n'));
        Assert.DoesNotContain("hunter2", r.All);
    }

    [Fact]
    public async Task Config_check_reports_every_error_of_the_file_at_once()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("dormant.yaml"), """
            version: 1
            defaults:
              max-share: lots
            tenants:
              corp:
                connector: atlassian
                settings:
                  orgid: org-1
                secrets:
                  api-key: ATCTT3x-not-a-name!
                policy:
                  inactive-days: ninety
                  inactve-days: 90
                  exclude-from: missing.txt
              other:
                connector: jira
            """);

        var r = await new CliHarness(dir.Path).RunAsync("config", "check");

        Assert.Equal(2, r.ExitCode);
        var lines = r.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        string[] expected =
        [
            "dormant.yaml:3: defaults.max-share: expected a number",
            "dormant.yaml:8: tenants.corp.settings.orgid: atlassian has no setting 'orgid'",
            "dormant.yaml:10: tenants.corp.secrets.api-key: expected the NAME of an environment variable",
            "dormant.yaml:13: tenants.corp.policy.inactve-days: unknown key",
            "dormant.yaml:12: tenants.corp.policy.inactive-days: expected a whole number",
            "dormant.yaml:14: tenants.corp.policy.exclude-from: cannot read",
            "dormant.yaml:16: tenants.other.connector: unknown connector 'jira'",
        ];
        Assert.Equal(expected.Length, lines.Count);
        foreach (var e in expected) Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains(e, StringComparison.Ordinal));
        Assert.DoesNotContain("ATCTT3x", r.All);
    }

    [Fact]
    public async Task Malformed_yaml_names_the_line()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("dormant.yaml"), "version: 1\ntenants:\n  corp: [unclosed\n");
        var r = await new CliHarness(dir.Path).RunAsync("scan");
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"dormant\.yaml:\d+: not valid YAML", r.Error);
    }

    [Fact]
    public async Task The_good_config_passes_and_a_missing_secret_variable_is_a_clear_error_at_scan()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("dormant.yaml"), Good);
        var cli = new CliHarness(dir.Path);
        Assert.Equal(0, (await cli.RunAsync("config", "check")).ExitCode);
        var r = await cli.RunAsync("scan", "--connector", "corp");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("CORP_KEY", r.Error);
    }

    [Fact]
    public async Task A_named_config_that_does_not_exist_is_exit_2()
    {
        using var dir = new TempDir();
        var r = await new CliHarness(dir.Path).RunAsync("scan", "--config", "nope.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("does not exist", r.Error);
    }
}
