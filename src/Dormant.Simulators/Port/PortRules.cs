using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dormant.Simulators.Port;

/// <summary>
/// The request schema checks PORT-SPEC declares, answered as Port's 422 {ok:false, error, message}.
/// Port validates with JSON Schema and additionalProperties: false, so an unknown or misspelt key,
/// a null where a value is declared, or a value of another type is refused, not ignored. Each check
/// returns the message of the first problem, or null when the request is fine.
/// </summary>
internal static class PortRules
{
    /// <summary>What an entity body may hold (create, PATCH, each item of bulk); meta fields are Port's to set.</summary>
    private static readonly string[] s_entityKeys = ["identifier", "title", "icon", "team", "properties", "relations"];

    /// <summary>The fields of an entity an include/exclude path may name, with or without the meta '$'.</summary>
    private static readonly string[] s_entityFields =
        ["identifier", "title", "icon", "blueprint", "team", "properties", "relations", "createdAt", "createdBy", "updatedAt", "updatedBy"];

    public static readonly string[] ListQuery =
        ["exclude_calculated_properties", "include", "exclude", "attach_title_to_relation", "attach_identifier_to_title_mirror_properties", "allow_partial_results"];

    public static readonly string[] OneQuery =
        ["exclude_calculated_properties", "include", "exclude", "attach_title_to_relation", "attach_identifier_to_title_mirror_properties"];

    public static readonly string[] CreateQuery = ["upsert", "merge", "validation_only", "create_missing_related_entities", "run_id"];
    public static readonly string[] PatchQuery = ["validation_only", "create_missing_related_entities", "run_id"];
    public static readonly string[] DeleteQuery = ["delete_dependents", "run_id"];

    private static readonly string[] s_booleans =
    [
        "exclude_calculated_properties", "attach_title_to_relation", "attach_identifier_to_title_mirror_properties", "allow_partial_results",
        "upsert", "merge", "validation_only", "create_missing_related_entities", "delete_dependents",
    ];

    /// <summary>
    /// Only the listed parameters, each at most once unless it is an array (include, exclude,
    /// fields), booleans spelt true/false. The spec is silent on unknown query parameters; Port's
    /// schema validation refuses them on the body, and the simulator refuses them here as well, so
    /// a misspelt parameter (which a lenient server would ignore) fails our tests.
    /// </summary>
    public static string? Query(HttpContext context, IReadOnlyCollection<string> allowed, params string[] arrays)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (!allowed.Contains(name)) return $"querystring must NOT have additional properties ('{name}')";
            if (!arrays.Contains(name) && values.Count > 1) return $"querystring/{name} must be given once";
            if (values.Any(string.IsNullOrEmpty)) return $"querystring/{name} must not be empty";
            if (s_booleans.Contains(name) && values.Any(v => v is not ("true" or "false"))) return $"querystring/{name} must be boolean";
        }
        return Paths(context.Request.Query["include"].OfType<string>().ToList(), context.Request.Query["exclude"].OfType<string>().ToList(), "querystring");
    }

    /// <summary>
    /// include/exclude name entity-JSON paths (identifier, properties.status, $updatedAt). The
    /// spec is silent on giving both; the simulator refuses that, as which one wins is not written.
    /// </summary>
    public static string? Paths(IReadOnlyList<string> include, IReadOnlyList<string> exclude, string where)
    {
        if (include.Count > 0 && exclude.Count > 0) return $"{where}/include and {where}/exclude cannot be used together";
        foreach (var path in include.Concat(exclude))
        {
            var top = path.TrimStart('$').Split('.', 2)[0];
            if (!s_entityFields.Contains(top)) return $"{where}/include and {where}/exclude must name entity fields (got \"{path}\")";
        }
        return null;
    }

    /// <summary>An entity as create, PATCH and bulk take it; <paramref name="needIdentifier"/> on create and bulk.</summary>
    public static string? Entity(JsonNode? node, string where, bool needIdentifier)
    {
        if (node is not JsonObject body) return $"{where} must be object";
        if (Extra(body, s_entityKeys) is { } extra) return $"{where} must NOT have additional properties ('{extra}')";
        if (Null(body) is { } nul) return $"{where}/{nul} must not be null";
        if (needIdentifier && body["identifier"] is null) return $"{where} must have required property 'identifier'";
        if (!IsString(body["identifier"]) || !IsString(body["title"]) || !IsString(body["icon"]))
            return $"{where}/identifier, title and icon must be string";
        if (body["team"] is { } team && !IsString(team) && !(team is JsonArray list && list.All(IsText)))
            return $"{where}/team must be string or array of strings";
        if (body["properties"] is { } p && p is not JsonObject) return $"{where}/properties must be object";
        if (body["relations"] is { } r && r is not JsonObject) return $"{where}/relations must be object";
        return null;
    }

    /// <summary>POST …/entities/search: {query?, include?, exclude?, limit? 1..1000, from?}.</summary>
    public static string? Search(JsonNode? node)
    {
        if (node is null) return null;
        if (node is not JsonObject body) return "body must be object";
        if (Extra(body, ["query", "include", "exclude", "limit", "from"]) is { } extra) return $"body must NOT have additional properties ('{extra}')";
        if (Null(body) is { } nul) return $"body/{nul} must not be null";
        if (body["query"] is { } q && q is not JsonObject) return "body/query must be object";
        if (body["limit"] is { } l && !(l is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n is >= 1 and <= 1000))
            return "body/limit must be an integer between 1 and 1000";
        if (!IsString(body["from"])) return "body/from must be string";
        var include = Strings(body["include"]);
        var exclude = Strings(body["exclude"]);
        if (include is null || exclude is null) return "body/include and body/exclude must be arrays of strings";
        return Paths(include, exclude, "body");
    }

    /// <summary>POST /v1/entities/search: the body is the bare query, {combinator, rules}.</summary>
    public static string? BareQuery(JsonNode? node) =>
        node is not JsonObject body ? "body must be object"
        : Extra(body, ["combinator", "rules"]) is { } extra ? $"body must NOT have additional properties ('{extra}')"
        : null;

    /// <summary>Null when the node is an array of strings (or absent); the list otherwise.</summary>
    public static List<string>? Strings(JsonNode? node) =>
        node is null ? [] : node is JsonArray a && a.All(IsText) ? a.Select(x => (string)x!).ToList() : null;

    public static string? Extra(JsonObject body, IReadOnlyCollection<string> allowed) =>
        body.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k));

    // A present key with a JSON null: the schema declares types, none of them null.
    private static string? Null(JsonObject body) => body.Where(p => p.Value is null).Select(p => p.Key).FirstOrDefault();

    private static bool IsString(JsonNode? node) => node is null || IsText(node);

    private static bool IsText(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;
}
