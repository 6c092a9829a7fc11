using System.Globalization;
using System.Text.Json.Nodes;
using Dormant.Connectors;
using Dormant.Connectors.Http;
using Dormant.Connectors.Port;
using Dormant.Simulators;
using Dormant.Tests.Support;
using Dormant.Simulators.Port;

namespace Dormant.Tests.Port;

/// <summary>Hand-built Port tenants and a connection to their simulator with fast retries.</summary>
internal static class PortKit
{
    public const string ClientId = "test-client-id-0001";
    public const string ClientSecret = "s3cr3t-9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    public static HttpTuning Fast { get; } = new(RequestsPerSecond: 500, MaxConcurrency: 4, BaseDelay: TimeSpan.FromMilliseconds(10), MaxRetries: 2);

    public static PortTenant Tenant(params (SimPortUser User, SimEntity Entity)[] people) => Tenant(TimeProvider.System, people);

    /// <summary>A tenant living on <paramref name="clock"/>: its tokens expire and its stamps are written by it.</summary>
    public static PortTenant Tenant(TimeProvider clock, params (SimPortUser User, SimEntity Entity)[] people) =>
        new(ClientId, ClientSecret, people.Select(p => p.User), people.Select(p => p.Entity), clock);

    /// <summary>A person: a `_user` entity with the given status and timestamps, and its Port user.</summary>
    public static (SimPortUser, SimEntity) Person(string email, string status, string createdAt, string? updatedAt,
        DateTimeOffset? lastLogin = null, bool admin = false, bool service = false, bool locked = false)
    {
        var created = DateTimeOffset.Parse(createdAt, CultureInfo.InvariantCulture);
        var user = new SimPortUser
        {
            Id = "user_" + email.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture),
            Email = email, FirstName = email.Split('@')[0], LastName = "Test", CreatedAt = created,
            Roles = admin ? ["Admin"] : ["Member"], LastLoginAt = lastLogin,
        };
        var properties = new JsonObject
        {
            ["status"] = status, ["port_role"] = admin ? "Admin" : "Member", ["port_type"] = service ? "Service Account" : "Standard",
        };
        var entity = new SimEntity
        {
            Identifier = email, Title = user.FirstName + " Test", PropertiesJson = properties.ToJsonString(),
            CreatedAt = createdAt, UpdatedAt = updatedAt, StatusLocked = locked,
        };
        return (user, entity);
    }

    /// <summary>An instant written the way Port might: in the given UTC offset.</summary>
    public static string At(DateTimeOffset utc, string offset = "Z") => offset == "Z"
        ? utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        : utc.ToOffset(TimeSpan.Parse(offset.TrimStart('+'), CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>Through the test process's HTTP root unless the test brings its own (on a fake clock).</summary>
    public static ConnectedPlatform Connect(SimulatorHost host, PortTenant tenant, string? secret = null, VendorHttp? http = null) =>
        new PortDefinition().Connect(new Dictionary<string, string>
        {
            ["client-id"] = tenant.ClientId, ["client-secret"] = secret ?? tenant.ClientSecret, ["base-url"] = host.BaseUrl.ToString(),
        }, TestHttp.With(Fast, http));
}
