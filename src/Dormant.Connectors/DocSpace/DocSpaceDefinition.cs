using Dormant.Core.Connectors;
using System.Globalization;
using Dormant.Connectors.Http;
using Dormant.Core.Errors;
using Dormant.Core.Policy;

namespace Dormant.Connectors.DocSpace;

public sealed class DocSpaceDefinition : IPlatformDefinition
{
    /// <summary>DocSpace keeps login history for at most 180 days (TenantAuditSettings).</summary>
    public const int MaxLookbackDays = 180;

    private static readonly SettingSpec Host = new("host", "--host", ["DOCSPACE_API_HOST"], false, null, "DocSpace portal URL (https://<portal>.onlyoffice.com)");
    private static readonly SettingSpec Key = new("docspace-key", "--docspace-key", ["DOCSPACE_API_KEY"], true, null, "DocSpace API key (personal access token, sk-…)");
    private static readonly SettingSpec Area = new("docspace-area", "--docspace-area", ["DOCSPACE_AREA"], false, "guests", "DocSpace users to consider: guests, people or all");
    private static readonly SettingSpec EmployeeType = new("employee-type", "--employee-type", ["DOCSPACE_EMPLOYEE_TYPE"], false, null, "DocSpace employee type to consider (Guest, User, RoomAdmin, DocSpaceAdmin)");
    private static readonly SettingSpec Group = new("group", "--group", ["DOCSPACE_GROUP_ID"], false, null, "DocSpace group id whose members to consider");
    private static readonly SettingSpec EmailDomain = new("email-domain", "--email-domain", ["DOCSPACE_EMAIL_DOMAIN"], false, null, "E-mail domain of the DocSpace users to consider");
    private static readonly SettingSpec Lookback = new("lookback-days", "--lookback-days", ["DOCSPACE_LOOKBACK_DAYS"], false, "180", "Days of DocSpace login history to read (1-180)");

    public string Platform => "docspace";
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
        var selection = DocSpaceSelection.Parse(Connectors.Settings.Require(settings, Area), Optional(settings, EmployeeType),
            Optional(settings, Group), Optional(settings, EmailDomain));
        var lookbackText = Connectors.Settings.Require(settings, Lookback);
        if (!int.TryParse(lookbackText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lookback) || lookback is < 1 or > MaxLookbackDays)
            throw new UsageException($"--lookback-days must be 1-{MaxLookbackDays} (DocSpace keeps no older login history); got '{lookbackText}'");
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

    private static string? Optional(IReadOnlyDictionary<string, string> settings, SettingSpec spec) =>
        settings.TryGetValue(spec.Key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}
