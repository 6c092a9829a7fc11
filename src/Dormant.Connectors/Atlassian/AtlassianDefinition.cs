using Dormant.Core.Connectors;
using Dormant.Connectors.Http;
using Dormant.Core.Policy;

namespace Dormant.Connectors.Atlassian;

public sealed class AtlassianDefinition : IPlatformDefinition
{
    public const string DefaultBaseUrl = "https://api.atlassian.com";

    private static readonly SettingSpec OrgId = new("org-id", "Atlassian organization ID")
        { EnvAliases = ["ATLASSIAN_ORG_ID"], FlagAliases = ["--org-id"] };
    private static readonly SettingSpec ApiKey = new("api-key", "Atlassian organization API key")
        { Secret = true, EnvAliases = ["ATLASSIAN_API_KEY"], FlagAliases = ["--api-key"] };
    private static readonly SettingSpec BaseUrl = new("base-url", "Atlassian API base URL")
        { Default = DefaultBaseUrl, Check = SettingChecks.Url, EnvAliases = ["ATLASSIAN_API_URL"], FlagAliases = ["--base-url"] };

    public string Platform => "atlassian";
    public string Description => "Atlassian Cloud organization (Confluence, Jira, …) through the organization admin API";
    public IReadOnlyList<SettingSpec> Settings { get; } = [OrgId, ApiKey, BaseUrl];

    internal static readonly PlatformAction Suspend = new("suspend", "suspended", ActionEnd.CannotSignIn, "restore", "{date}_suspended_users");

    public IReadOnlyList<PlatformAction> Actions => ActionList;
    internal static IReadOnlyList<PlatformAction> ActionList { get; } = [Suspend];

    // The admin console says "suspended"; activity is told per product (Confluence, Jira, …).
    public PlatformWords Words => Wording;
    internal static readonly PlatformWords Wording = new("suspended", HasProducts: true);

    public string ActivitySignal =>
        "last active date per product (directory users' last-active-dates), and the product access of each managed account";

    public string RateLimit =>
        "Atlassian publishes no numbers for the admin APIs (429 with X-RateLimit-Reset); Dormant sends 100 requests a minute, 2 at once";

    // The seed: Confluence, 180 days, suspend (restorable), users without data are only counted.
    public PolicyRules DefaultPolicy { get; } = new() { Product = "confluence", InactiveDays = 180, Action = Suspend.Name };

    public IReadOnlyDictionary<string, PolicyRules> Presets => new Dictionary<string, PolicyRules> { ["seed"] = DefaultPolicy };

    public ConnectedPlatform Connect(IReadOnlyDictionary<string, string> settings, ConnectContext context)
    {
        var orgId = Connectors.Settings.Require(settings, OrgId);
        var key = Connectors.Settings.Require(settings, ApiKey);
        var baseUrl = BaseUrlRule.Parse(Connectors.Settings.Require(settings, BaseUrl), "base URL");
        // Atlassian publishes no numbers; 100 requests a minute is the pessimistic default.
        var http = context.Open(Platform, new HttpSettings { BaseUrl = baseUrl, RequestsPerSecond = 100.0 / 60, MaxConcurrency = 2 },
            _ => ValueTask.FromResult(key));
        var api = new VendorApi(Platform, http.Client, AtlassianErrors.Message, [key]);
        var connector = new AtlassianConnector(new AtlassianClient(api, orgId), orgId);
        return new ConnectedPlatform(connector, connector, connector, http);
    }
}
