using Dormant.Connectors;
using Dormant.Connectors.Atlassian;
using Dormant.Connectors.Http;
using Dormant.Simulators;
using Dormant.Simulators.Atlassian;

namespace Dormant.Tests.Support;

/// <summary>An Atlassian simulator on 127.0.0.1 and the real connector pointed at it.</summary>
public sealed class AtlassianFixture : IAsyncDisposable
{
    private AtlassianFixture(AtlassianTenant tenant, SimulatorHost host) { Tenant = tenant; Host = host; }

    public AtlassianTenant Tenant { get; }
    public SimulatorHost Host { get; }

    public static async Task<AtlassianFixture> StartAsync(AtlassianTenant tenant, SimulatorLimits? limits = null) =>
        new(tenant, await AtlassianSimulator.StartAsync(tenant, limits));

    public Dictionary<string, string> Settings => new()
    {
        ["org-id"] = Tenant.OrgId,
        ["api-key"] = Tenant.ApiKey,
        ["base-url"] = Host.BaseUrl.ToString(),
    };

    /// <summary>Through the test process's HTTP root unless the test brings its own (on a fake clock).</summary>
    public ConnectedPlatform Connect(HttpTuning? tuning = null, VendorHttp? http = null) =>
        new AtlassianDefinition().Connect(Settings, TestHttp.With(tuning ?? CliHarness.Fast, http));

    /// <summary>Points the CLI at this organization through Dormant's own variables (DORMANT_ATLASSIAN_…).</summary>
    public void Expose(CliHarness cli)
    {
        var platform = new AtlassianDefinition();
        foreach (var spec in platform.Settings) cli.Variables[SettingNames.Variable(platform.Platform, spec)] = Settings[spec.Key];
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
