using System.Text.Json;
using Dormant.Connectors;
using Dormant.Tests.Support;

namespace Dormant.Tests.PlatformSettings;

/// <summary>`dormant platforms` and `platforms show NAME` document what each platform declares, and never a value.</summary>
public sealed class PlatformsCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_list_names_every_platform_with_its_description_and_actions()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("platforms");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("atlassian\tsuspend\tAtlassian Cloud organization", r.Out);
        Assert.Contains("port\tdisable, delete\tPort developer portal", r.Out);
        Assert.Contains("docspace\tdisable\tONLYOFFICE DocSpace portal", r.Out);
        Assert.Contains("dormant platforms show <platform>", r.Out);
    }

    [Theory]
    [InlineData("atlassian", "--atlassian-org-id\tDORMANT_ATLASSIAN_ORG_ID\tATLASSIAN_ORG_ID, --org-id\t(required)\tno")]
    [InlineData("atlassian", "--atlassian-api-key\tDORMANT_ATLASSIAN_API_KEY\tATLASSIAN_API_KEY, --api-key\t(required)\tyes")]
    [InlineData("atlassian", "--atlassian-base-url\tDORMANT_ATLASSIAN_BASE_URL\tATLASSIAN_API_URL, --base-url\thttps://api.atlassian.com\tno")]
    [InlineData("port", "--port-client-id\tDORMANT_PORT_CLIENT_ID\tPORT_CLIENT_ID, --client-id\t(required)\tno")]
    [InlineData("port", "--port-client-secret\tDORMANT_PORT_CLIENT_SECRET\tPORT_CLIENT_SECRET, --client-secret\t(required)\tyes")]
    [InlineData("port", "--port-base-url\tDORMANT_PORT_BASE_URL\tPORT_API_URL, --base-url\thttps://api.getport.io\tno")]
    [InlineData("docspace", "host\t--docspace-host\tDORMANT_DOCSPACE_HOST\tDOCSPACE_API_HOST, --host\t(required)\tno")]
    [InlineData("docspace", "key\t--docspace-key\tDORMANT_DOCSPACE_KEY\tDOCSPACE_API_KEY, docspace-key\t(required)\tyes")]
    [InlineData("docspace", "area\t--docspace-area\tDORMANT_DOCSPACE_AREA\tDOCSPACE_AREA, docspace-area\tguests\tno")]
    [InlineData("docspace", "--docspace-employee-type\tDORMANT_DOCSPACE_EMPLOYEE_TYPE\tDOCSPACE_EMPLOYEE_TYPE, --employee-type\t-\tno")]
    [InlineData("docspace", "--docspace-group\tDORMANT_DOCSPACE_GROUP\tDOCSPACE_GROUP_ID, --group\t-\tno")]
    [InlineData("docspace", "--docspace-email-domain\tDORMANT_DOCSPACE_EMAIL_DOMAIN\tDOCSPACE_EMAIL_DOMAIN, --email-domain\t-\tno")]
    [InlineData("docspace", "--docspace-lookback-days\tDORMANT_DOCSPACE_LOOKBACK_DAYS\tDOCSPACE_LOOKBACK_DAYS, --lookback-days\t180\tno")]
    public async Task Show_has_a_row_for_the_setting(string platform, string row)
    {
        var r = await new CliHarness(_dir.Path).RunAsync("platforms", "show", platform);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains(row, r.Out);
    }

    public static TheoryData<string> Platforms() => new(PlatformCatalog.All.Select(p => p.Platform));

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Show_documents_every_setting_the_signal_the_actions_and_the_rate_limit(string name)
    {
        var platform = PlatformCatalog.Find(name);
        var cli = new CliHarness(_dir.Path);
        // Values in the environment stay there: the page tells names, never what they hold.
        foreach (var spec in platform.Settings) cli.Variables[SettingNames.Variable(name, spec)] = "value-of-" + spec.Key;

        var r = await cli.RunAsync("platforms", "show", name);

        Assert.Equal(0, r.ExitCode);
        var rows = r.Out.Split('\n').Select(l => l.Split('\t')).ToList();
        foreach (var spec in platform.Settings)
        {
            var row = Assert.Single(rows, c => c[0] == spec.Key);
            Assert.Equal([spec.Key, SettingNames.Flag(name, spec), SettingNames.Variable(name, spec)], row[..3]);
            foreach (var alias in spec.EnvAliases.Concat(spec.FlagAliases).Concat(spec.KeyAliases)) Assert.Contains(alias, row[3]);
            Assert.Equal(spec.Default ?? (spec.Required ? "(required)" : "-"), row[4]);
            Assert.Equal(spec.Secret ? "yes" : "no", row[5]);
            Assert.Equal(spec.Description, row[6]);
        }
        Assert.Contains($"Activity signal: {platform.ActivitySignal}", r.Out);
        Assert.Contains($"Rate limit: {platform.RateLimit}", r.Out);
        foreach (var action in platform.Actions)
            Assert.Contains($"{action.Name}\t{action.PastTense}\t", r.Out);
        Assert.DoesNotContain("value-of-", r.All);
    }

    [Fact]
    public async Task Show_in_json_carries_settings_actions_signal_and_rate_limit()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("platforms", "show", "port", "--output", "json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("dormant.platform/v1", root.GetProperty("schema").GetString());
        Assert.Equal("port", root.GetProperty("name").GetString());
        var secret = root.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "client-secret");
        Assert.Equal("--port-client-secret", secret.GetProperty("flag").GetString());
        Assert.Equal("DORMANT_PORT_CLIENT_SECRET", secret.GetProperty("variable").GetString());
        Assert.Equal("PORT_CLIENT_SECRET", secret.GetProperty("aliases").GetProperty("variables")[0].GetString());
        Assert.True(secret.GetProperty("secret").GetBoolean());
        Assert.True(secret.GetProperty("required").GetBoolean());
        var delete = root.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "delete");
        Assert.Equal("deleted", delete.GetProperty("pastTense").GetString());
        Assert.Equal("gone", delete.GetProperty("end").GetString());
        Assert.Equal("re-create", delete.GetProperty("undo").GetString());
        Assert.Contains("15,000 requests per 5 minutes", root.GetProperty("rateLimit").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("activitySignal").GetString()));
    }

    [Fact]
    public async Task The_list_in_json_names_each_platform_and_its_actions()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("platforms", "--output", "json");

        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("dormant.platforms/v1", doc.RootElement.GetProperty("schema").GetString());
        var platforms = doc.RootElement.GetProperty("platforms").EnumerateArray().ToList();
        Assert.Equal(PlatformCatalog.All.Select(p => p.Platform), platforms.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["disable", "delete"], platforms[1].GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task An_unknown_platform_is_one_line_with_the_closest_name()
    {
        var r = await new CliHarness(_dir.Path).RunAsync("platforms", "show", "atlasian");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: unknown platform 'atlasian'; did you mean 'atlassian'? (known: "
            + string.Join(", ", Dormant.Connectors.PlatformCatalog.All.Select(p => p.Platform)) + ")", r.Error.Trim());
        Assert.Empty(r.Out);
    }
}
