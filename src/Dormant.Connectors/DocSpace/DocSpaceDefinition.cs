using Dormant.Core.Connectors;
using System.Globalization;
using Dormant.Connectors.Http;
using Dormant.Core.Policy;

namespace Dormant.Connectors.DocSpace;

public sealed class DocSpaceDefinition : IPlatformDefinition
{
    /// <summary>DocSpace keeps login history for at most 180 days (TenantAuditSettings).</summary>
    public const int MaxLookbackDays = 180;

    private static readonly SettingSpec Host = new("host", "DocSpace portal URL (https://<portal>.onlyoffice.com)")
        { Check = SettingChecks.Url, EnvAliases = ["DOCSPACE_API_HOST"], FlagAliases = ["--host"] };
    private static readonly SettingSpec Key = new("key", "DocSpace API key (personal access token, sk-…)")
        { Secret = true, EnvAliases = ["DOCSPACE_API_KEY"], KeyAliases = ["docspace-key"] };
    private static readonly SettingSpec Area = new("area", "Users to consider: guests, people or all")
        { Default = "guests", Check = SettingChecks.OneOf("guests", "people", "all"), EnvAliases = ["DOCSPACE_AREA"], KeyAliases = ["docspace-area"] };
    private static readonly SettingSpec EmployeeType = new("employee-type", "Employee type to consider (Guest, User, RoomAdmin, DocSpaceAdmin)")
        { Optional = true, Check = SettingChecks.OneOf("Guest", "User", "RoomAdmin", "DocSpaceAdmin"), EnvAliases = ["DOCSPACE_EMPLOYEE_TYPE"], FlagAliases = ["--employee-type"] };
    private static readonly SettingSpec Group = new("group", "Group id whose members to consider")
        { Optional = true, Check = SettingChecks.Guid("a DocSpace group id"), EnvAliases = ["DOCSPACE_GROUP_ID"], FlagAliases = ["--group"] };
    private static readonly SettingSpec EmailDomain = new("email-domain", "E-mail domain of the users to consider")
        { Optional = true, EnvAliases = ["DOCSPACE_EMAIL_DOMAIN"], FlagAliases = ["--email-domain"] };
    private static readonly SettingSpec Lookback = new("lookback-days", $"Days of login history to read (1-{MaxLookbackDays}; DocSpace keeps no more)")
        { Default = "180", Check = SettingChecks.WholeNumber(1, MaxLookbackDays), EnvAliases = ["DOCSPACE_LOOKBACK_DAYS"], FlagAliases = ["--lookback-days"] };

    public string Platform => "docspace";
    public string Description => "ONLYOFFICE DocSpace portal: its guests by default, or chosen people";
    public IReadOnlyList<SettingSpec> Settings { get; } = [Host, Key, Area, EmployeeType, Group, EmailDomain, Lookback];

    // The API's status is "Terminated"; the portal's people list says "Disabled", and that is what its admins read.
    internal static readonly PlatformAction Disable = new("disable", "disabled", ActionEnd.CannotSignIn, "enable", "{date}_disabled_users");

    public IReadOnlyList<PlatformAction> Actions => ActionList;
    internal static IReadOnlyList<PlatformAction> ActionList { get; } = [Disable];

    // Activity is the last login to the portal: one signal, no products.
    public PlatformWords Words => Wording;
    internal static readonly PlatformWords Wording = new("disabled", HasProducts: false);

    public string ActivitySignal =>
        "the last successful login in the portal's login history (at most 180 days, read once for everyone), else the registration date";

    public string RateLimit =>
        "DocSpace allows 1,500 requests a minute per user and 50 reads in flight (429 with Retry-After); Dormant sends 1,470 a minute, 8 at once";

    // The seed: last successful login missing or at least 30 days old → Terminated. A user with no
    // login counts from registration, so someone invited last week is not disabled for it.
    public PolicyRules DefaultPolicy { get; } = new()
    {
        InactiveDays = 30, InclusiveThreshold = true, NoData = NoDataRule.CountFromCreation, Action = Disable.Name, Signal = DocSpaceMapper.Signal,
    };

    public IReadOnlyDictionary<string, PolicyRules> Presets => new Dictionary<string, PolicyRules> { ["seed"] = DefaultPolicy };

    public ConnectedPlatform Connect(IReadOnlyDictionary<string, string> settings, ConnectContext context)
    {
        var baseUrl = BaseUrlRule.Parse(Connectors.Settings.Require(settings, Host), "DocSpace host");
        var key = Connectors.Settings.Require(settings, Key);
        var selection = DocSpaceSelection.Parse(Connectors.Settings.Require(settings, Area), Connectors.Settings.Optional(settings, EmployeeType),
            Connectors.Settings.Optional(settings, Group), Connectors.Settings.Optional(settings, EmailDomain));
        var lookback = int.Parse(Connectors.Settings.Require(settings, Lookback), NumberStyles.Integer, CultureInfo.InvariantCulture);
        // DocSpace allows 1,500 requests a minute per user (a sliding window) and 50 GETs in flight.
        // Even pacing at 1,470 a minute (8 at once after a pause) never puts more than 1,478 in any
        // minute, leaving a little for the key's user in a browser; 8 in flight keeps that rate up
        // at 300 ms a page.
        var http = context.Open(Platform, new HttpSettings { BaseUrl = baseUrl, RequestsPerSecond = 1470 / 60.0, MaxConcurrency = 8 },
            _ => ValueTask.FromResult(key));
        var client = new DocSpaceClient(new VendorApi(Platform, http.Client, DocSpaceErrors.Message, [key]));
        // The login sweep keeps as many pages in flight as the client may send at once.
        var history = new LoginHistory(client, Platform, context.Clock, lookback, http.Settings.MaxConcurrency);
        var connector = new DocSpaceConnector(client, history, selection, baseUrl.Authority);
        return new ConnectedPlatform(connector, connector, connector, http);
    }
}
