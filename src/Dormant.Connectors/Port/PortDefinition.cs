using Dormant.Core.Connectors;
using Dormant.Connectors.Http;
using Dormant.Core.Policy;

namespace Dormant.Connectors.Port;

public sealed class PortDefinition : IPlatformDefinition
{
    /// <summary>The seed's default; the current regions are https://api.port.io and https://api.us.port.io.</summary>
    public const string DefaultBaseUrl = "https://api.getport.io";

    private static readonly SettingSpec ClientId = new("client-id", "Port client ID")
        { EnvAliases = ["PORT_CLIENT_ID"], FlagAliases = ["--client-id"], ShowPartly = true };
    private static readonly SettingSpec ClientSecret = new("client-secret", "Port client secret")
        { Secret = true, EnvAliases = ["PORT_CLIENT_SECRET"], FlagAliases = ["--client-secret"] };
    private static readonly SettingSpec BaseUrl = new("base-url", "Port API base URL (api.port.io, api.us.port.io)")
        { Default = DefaultBaseUrl, Check = SettingChecks.Url, EnvAliases = ["PORT_API_URL"], FlagAliases = ["--base-url"] };

    public string Platform => "port";
    public string Description => "Port developer portal organization: users of the _user blueprint";
    public IReadOnlyList<SettingSpec> Settings { get; } = [ClientId, ClientSecret, BaseUrl];

    internal static readonly PlatformAction Disable = new("disable", "disabled", ActionEnd.CannotSignIn, "enable", "{date}_disabled_users");
    // The seed's archive name, MM-DD-YYYY_deleted_users.zip.
    internal static readonly PlatformAction Delete = new("delete", "deleted", ActionEnd.Gone, "re-create", "{date}_deleted_users");

    public IReadOnlyList<PlatformAction> Actions => ActionList;
    internal static IReadOnlyList<PlatformAction> ActionList { get; } = [Disable, Delete];

    // The _user status and Port's users page say "Disabled"; last login is one signal for the whole portal.
    public PlatformWords Words => Wording;
    internal static readonly PlatformWords Wording = new("disabled", HasProducts: false);

    public string ActivitySignal =>
        "the user's last login (_user entity), a never-used account counting from its creation; the seed preset uses the entity's last update";

    public string RateLimit =>
        "Port allows 15,000 requests per 5 minutes for most routes (x-ratelimit-* headers); Dormant sends 20 a second, 4 at once";

    /// <summary>
    /// Real activity: last login, a never-used account counting from its creation, disabled
    /// (reversible). 90 days: a quarter covers holidays and leave, and Port is a developer portal
    /// people open less often than mail or chat, so a shorter window would catch occasional users.
    /// </summary>
    public PolicyRules DefaultPolicy { get; } = new()
    {
        Signal = "last-login", InactiveDays = 90, NoData = NoDataRule.CountFromCreation, Action = Disable.Name,
    };

    /// <summary>
    /// The original script's rule: status inactive/disabled (any case), entity not updated (else
    /// created) in the last 30 days (strictly older, as its "&lt; now - 30 days"), delete.
    /// </summary>
    public static PolicyRules Seed { get; } = new()
    {
        Signal = "entity-updated", InactiveDays = 30, Targets = TargetStatus.Suspended, NoData = NoDataRule.Skip, Action = Delete.Name,
    };

    public IReadOnlyDictionary<string, PolicyRules> Presets { get; } = new Dictionary<string, PolicyRules>
    {
        ["seed"] = Seed,
    };

    public ConnectedPlatform Connect(IReadOnlyDictionary<string, string> settings, ConnectContext context)
    {
        var id = Connectors.Settings.Require(settings, ClientId);
        var secret = Connectors.Settings.Require(settings, ClientSecret);
        var baseUrl = BaseUrlRule.Parse(Connectors.Settings.Require(settings, BaseUrl), "Port API URL");
        // Last published limits (rate-limits.mdx, 2025-11): 15,000 requests per 5 minutes (50/s) for
        // most routes; 20/s leaves room for the organization's other integrations.
        var http = new HttpSettings { BaseUrl = baseUrl, RequestsPerSecond = 20, MaxConcurrency = 4 };
        var authHttp = context.Open(Platform, http);
        var tokens = new PortTokenSource(new VendorApi(Platform, authHttp.Client, PortErrors.Message, [secret]), id, secret, context.Clock);
        var apiHttp = context.Open(Platform, http, tokens.GetAsync);
        var client = new PortClient(new PortApi(new VendorApi(Platform, apiHttp.Client, PortErrors.Message, [secret]), tokens));
        // The tenant is the API host: a token names no organization id Dormant could show before it reads.
        var connector = new PortConnector(client, baseUrl.Authority, new Owned(apiHttp, authHttp, tokens));
        return new ConnectedPlatform(connector, connector, connector, connector);
    }
}
