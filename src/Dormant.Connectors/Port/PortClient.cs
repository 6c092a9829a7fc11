using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Dormant.Connectors.Http;
using Dormant.Core.Connectors;
using Dormant.Core.Errors;

namespace Dormant.Connectors.Port;

/// <summary>HTTP only, one request per method. Paths and parameters follow PORT-SPEC (api-contracts.md §1).</summary>
internal sealed class PortClient(PortApi api)
{
    public const int MaxBulk = 20;
    private const string Entities = "v1/blueprints/_user/entities";

    // Only what the mapper reads; orgMembers.lastLoginAt is the activity signal (§1.3).
    private static readonly string UserFields = string.Join('&', new[]
    {
        "id", "email", "firstName", "lastName", "status", "createdAt", "roles.name", "roles.isAdmin",
        "orgMembers.orgId", "orgMembers.status", "orgMembers.lastLoginAt",
    }.Select(f => "fields=" + Uri.EscapeDataString(f)));

    // Team names only when the policy excludes by group: a larger answer for every scan otherwise.
    private static string Fields(bool teams) => teams ? UserFields + "&fields=teams.name" : UserFields;

    // Entity-JSON paths for GET entities (§1.5). Should Port ever drop a field here, the apply step
    // re-reads each account in full before acting, so a trimmed listing cannot cause an act.
    private static readonly string EntityFields = string.Join('&', new[]
    {
        "identifier", "title", "properties.status", "properties.port_role", "properties.port_type", "createdAt", "updatedAt",
    }.Select(f => "include=" + Uri.EscapeDataString(f))) + "&exclude_calculated_properties=true";

    public static string UsersQuery(bool teams) => Fields(teams);

    public const string EntitiesPath = Entities;

    public static string EntitiesQuery => EntityFields;

    /// <summary>
    /// Every user of the organization in one call; the route has no paging. Read as it arrives:
    /// at 100,000 users the answer held as text and as a document cost hundreds of megabytes.
    /// </summary>
    public async Task<IReadOnlyList<PortUser>> ListUsersAsync(bool teams, CancellationToken ct)
    {
        var users = new List<PortUser>();
        await foreach (var u in StreamAsync("v1/users?" + Fields(teams), "users", b => JsonSerializer.Deserialize<PortUser>(b, WireJson.Options)!, ct))
            users.Add(u);
        return users;
    }

    public async Task<PortUser?> GetUserAsync(string email, bool teams, CancellationToken ct)
    {
        var (status, doc) = await api.SendAsync(HttpMethod.Get, $"v1/users/{Uri.EscapeDataString(email)}?{Fields(teams)}", null, ct, HttpStatusCode.NotFound);
        using (doc)
            return status == HttpStatusCode.NotFound ? null : Object(doc, "user").Deserialize<PortUser>(WireJson.Options);
    }

    /// <summary>Every `_user` entity in one call, trimmed to the fields Dormant reads, one at a time as they arrive.</summary>
    public IAsyncEnumerable<PortEntityRead> ListUserEntitiesAsync(CancellationToken ct) =>
        StreamAsync($"{Entities}?{EntityFields}", "entities",
            b => new PortEntityRead(JsonSerializer.Deserialize<PortEntity>(b, WireJson.Options)!, Encoding.UTF8.GetString(b)), ct);

    private async IAsyncEnumerable<T> StreamAsync<T>(string path, string list, Func<ReadOnlySpan<byte>, T> item,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var response = await api.OpenAsync(path, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await using var items = JsonArrayStream.ReadAsync(body, list, item, ct).GetAsyncEnumerator(ct);
        while (true)
        {
            bool more;
            try
            {
                more = await items.MoveNextAsync();
            }
            catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
            {
                throw api.BodyFailure(path, e, ct);
            }
            if (!more) yield break;
            yield return items.Current;
        }
    }

    /// <summary>The whole entity (stored properties only): this is what a backup holds and a re-create sends back.</summary>
    public async Task<PortEntityRead?> GetUserEntityAsync(string identifier, CancellationToken ct)
    {
        var (status, doc) = await api.SendAsync(HttpMethod.Get, $"{EntityPath(identifier)}?exclude_calculated_properties=true", null, ct, HttpStatusCode.NotFound);
        using (doc) return status == HttpStatusCode.NotFound ? null : Read(Object(doc, "entity"));
    }

    /// <summary>One page of `_user` entities matching a query; pass the answer's next as from.</summary>
    public async Task<Page<PortEntityRead>> SearchUserEntitiesAsync(object query, string? from, CancellationToken ct)
    {
        // A dictionary writes its null values (the serializer's null rule covers properties only):
        // from goes in only with a cursor, as Port's schema has it a string, never null.
        var body = new Dictionary<string, object> { ["query"] = query, ["limit"] = 1000 };
        if (from is not null) body["from"] = from;
        var (_, doc) = await api.QueryAsync($"{Entities}/search", body, ct);
        using (doc)
        {
            var items = Array(doc, "entities").Select(Read).ToList();
            var next = doc!.RootElement.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            return new Page<PortEntityRead>(items, next);
        }
    }

    /// <summary>Entities of any blueprint matching a query (not paged, §1.5).</summary>
    public async Task<IReadOnlyList<PortEntityRead>> SearchAllEntitiesAsync(object query, CancellationToken ct)
    {
        var (_, doc) = await api.QueryAsync("v1/entities/search?include=identifier&include=title&include=blueprint&include=createdBy", query, ct);
        using (doc) return Array(doc, "entities").Select(Read).ToList();
    }

    /// <summary>
    /// Sets properties on up to 20 entities in one request; 207 carries per-entity errors. merge
    /// keeps every other property; upsert is what lets the bulk route update existing entities.
    /// </summary>
    public async Task<IReadOnlyList<PortBulkItem>> BulkSetPropertiesAsync(IReadOnlyList<(string Identifier, object Properties)> items, CancellationToken ct)
    {
        if (items.Count is 0 or > MaxBulk) throw new ArgumentOutOfRangeException(nameof(items), $"1..{MaxBulk} entities per bulk request");
        var body = new { entities = items.Select(i => new { identifier = i.Identifier, properties = i.Properties }).ToList() };
        var (_, doc) = await api.SendAsync(HttpMethod.Post, $"{Entities}/bulk?upsert=true&merge=true", body, ct, HttpStatusCode.MultiStatus);
        using (doc) return PortBulkAnswer.Read(items.Select(i => i.Identifier).ToList(), doc);
    }

    /// <summary>False when the entity was not there (already deleted).</summary>
    public async Task<bool> DeleteUserEntityAsync(string identifier, CancellationToken ct)
    {
        var (status, doc) = await api.SendAsync(HttpMethod.Delete, EntityPath(identifier), null, ct, HttpStatusCode.NotFound);
        doc?.Dispose();
        return status != HttpStatusCode.NotFound;
    }

    /// <summary>False when an entity with that identifier already exists.</summary>
    public async Task<bool> CreateUserEntityAsync(object entity, CancellationToken ct)
    {
        var (status, doc) = await api.SendAsync(HttpMethod.Post, Entities, entity, ct, HttpStatusCode.Conflict);
        doc?.Dispose();
        return status != HttpStatusCode.Conflict;
    }

    /// <summary>
    /// The organization the credentials belong to (GET /v1/organization: "its name, id, and hidden
    /// blueprints"). The host names no organization: two organizations share api.port.io.
    /// </summary>
    public async Task<string> OrganizationIdAsync(CancellationToken ct)
    {
        var (_, doc) = await api.SendAsync(HttpMethod.Get, "v1/organization", null, ct);
        using (doc)
            return Object(doc, "organization").TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
                ? value : throw Contract("the organization answer holds no id");
    }

    // Identifiers are emails with '@' and '+'; encode them as one path segment. "." and ".." stay dot
    // segments even encoded (RFC 3986 5.2.4), so they would name another resource: never send them.
    private static string EntityPath(string identifier) => identifier is "" or "." or ".."
        ? throw new VendorException("port", VendorErrorKind.Contract, null, $"refusing the entity identifier '{identifier}': it would be a path dot segment")
        : $"{Entities}/{Uri.EscapeDataString(identifier)}";

    private static PortEntityRead Read(JsonElement e) => new(e.Deserialize<PortEntity>(WireJson.Options)!, e.GetRawText());

    private JsonElement Object(JsonDocument? doc, string name) =>
        doc?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
            ? v : throw Contract($"the answer holds no '{name}' object");

    private IEnumerable<JsonElement> Array(JsonDocument? doc, string name) =>
        doc?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray() : throw Contract($"the answer holds no '{name}' list");

    private VendorException Contract(string message) => new(api.Platform, VendorErrorKind.Contract, null, message);
}
