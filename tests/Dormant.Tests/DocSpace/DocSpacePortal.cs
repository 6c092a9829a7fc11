using System.Net.Http.Headers;
using Dormant.Connectors;
using Dormant.Connectors.DocSpace;
using Dormant.Connectors.Http;
using Dormant.Simulators;
using Dormant.Tests.Support;
using Dormant.Simulators.DocSpace;

namespace Dormant.Tests.DocSpace;

/// <summary>A simulated portal on 127.0.0.1 and the real connector pointed at it.</summary>
internal sealed class DocSpacePortal : IAsyncDisposable
{
    private DocSpacePortal(DocSpaceTenant tenant, SimulatorHost host)
    {
        Tenant = tenant;
        Host = host;
    }

    public DocSpaceTenant Tenant { get; }
    public SimulatorHost Host { get; }

    public static async Task<DocSpacePortal> StartAsync(DocSpaceTenant tenant, SimulatorLimits? limits = null) =>
        new(tenant, await DocSpaceSimulator.StartAsync(tenant, limits));

    public static Task<DocSpacePortal> StartAsync(int users, int seed = 7) =>
        StartAsync(DocSpaceTenant.Generate(users, seed, DateTimeOffset.UtcNow));

    public ConnectedPlatform Connect(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["host"] = Host.BaseUrl.ToString().TrimEnd('/'),
            ["key"] = Tenant.ApiKey,
        };
        foreach (var (k, v) in extra) settings[k] = v;
        return new DocSpaceDefinition().Connect(settings, TestHttp.With(new HttpTuning(RequestsPerSecond: 1000, MaxConcurrency: 8, BaseDelay: TimeSpan.FromMilliseconds(20), MaxRetries: 3)));
    }

    /// <summary>A plain client with the portal's key, to talk to the simulator without the connector.</summary>
    public HttpClient RawClient()
    {
        var client = new HttpClient { BaseAddress = Host.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tenant.ApiKey);
        return client;
    }

    public IReadOnlyList<RecordedRequest> Puts => Host.Requests.All.Where(r => r.Method == "PUT").ToList();

    /// <summary>Active, non-LDAP guests that were registered long ago.</summary>
    public IEnumerable<DocSpaceSimUser> PlainGuests => Tenant.Users.Where(u => u.IsGuest && u.Status == 1 && u.ActivationStatus == 1 && !u.IsLdap
        && u.RegistrationDate < DateTimeOffset.UtcNow.AddDays(-35));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
