using System.Text.Json;

namespace Dormant.Simulators.Port;

/// <summary>
/// An entity as Port writes it (meta fields at top level, as in manage-users-teams.md), trimmed by
/// <c>include</c>/<c>exclude</c> paths such as <c>identifier</c> or <c>properties.status</c>. A meta
/// field may be named with or without its '$' (the search route wants <c>$updatedAt</c>).
/// The paths are read once per request and each entity goes straight to a <see cref="Utf8JsonWriter"/>:
/// a listing of 10,000 entities built as JsonNode trees and cloned into an envelope took a quarter
/// of a second. One instance serves one request at a time (it reuses a scratch list).
/// </summary>
internal sealed class PortEntityJson
{
    // The full entity's fields in the order Port writes them; the indexes below name them.
    private static readonly string[] s_names =
        ["identifier", "title", "icon", "blueprint", "team", "properties", "relations", "createdAt", "createdBy", "updatedAt", "updatedBy"];

    private static readonly JsonEncodedText[] s_encoded = s_names.Select(n => JsonEncodedText.Encode(n)).ToArray();
    private const int Identifier = 0, Title = 1, Icon = 2, Blueprint = 3, Team = 4, Properties = 5, Relations = 6,
        CreatedAt = 7, CreatedBy = 8, UpdatedAt = 9, UpdatedBy = 10;

    // No entity here has relations: an empty object stands for them.
    private static readonly JsonElement s_empty = JsonElement.Parse("{}");

    private readonly (int Field, string? Sub)[] _include;
    private readonly bool[] _dropped = new bool[s_names.Length];
    private readonly HashSet<string> _droppedKeys = new(StringComparer.Ordinal); // excluded properties.X (relations has none)
    private readonly List<(string Name, JsonElement Value)> _keys = [];

    /// <summary>No include or exclude: every field. Shared, as it never uses the scratch list.</summary>
    public static PortEntityJson Full { get; } = new();

    public PortEntityJson(IEnumerable<string>? include = null, IEnumerable<string>? exclude = null)
    {
        // An unknown field (-1) is never there, so an include of it picks nothing.
        _include = (include ?? []).Select(Split).Select(p => (Array.IndexOf(s_names, p.Top), p.Sub)).ToArray();
        // Excludes only take away, so their order does not matter: a dropped field goes whole,
        // a dropped key only from an object field (a key of anything else is not there to drop).
        foreach (var (top, sub) in (exclude ?? []).Select(Split))
        {
            var field = Array.IndexOf(s_names, top);
            if (field < 0) continue;
            if (sub is null) _dropped[field] = true;
            else if (field is Properties or Relations) _droppedKeys.Add(sub);
        }
    }

    /// <summary>A property holding a list of entities, e.g. "entities": [...].</summary>
    public static void WriteList(Utf8JsonWriter w, string name, IEnumerable<SimEntity> entities, PortEntityJson json)
    {
        w.WriteStartArray(name);
        foreach (var e in entities) json.Write(w, e);
        w.WriteEndArray();
    }

    /// <summary>A property holding one entity, e.g. "entity": {...}.</summary>
    public void Write(Utf8JsonWriter w, string name, SimEntity e)
    {
        w.WritePropertyName(name);
        Write(w, e);
    }

    public void Write(Utf8JsonWriter w, SimEntity e)
    {
        Span<int> order = stackalloc int[s_names.Length];
        Span<bool> whole = stackalloc bool[s_names.Length];
        whole.Clear();
        var count = _include.Length == 0 ? All(e, order, whole) : Pick(e, order, whole);
        w.WriteStartObject();
        foreach (var field in order[..count])
        {
            if (_dropped[field]) continue;
            w.WritePropertyName(s_encoded[field]);
            if (field is Properties or Relations && IsObject(e, field)) WriteObject(w, ObjectOf(e, field), whole[field]);
            else WriteValue(w, e, field);
        }
        w.WriteEndObject();
    }

    private static int All(SimEntity e, Span<int> order, Span<bool> whole)
    {
        var count = 0;
        for (var field = 0; field < s_names.Length; field++)
        {
            if (!Has(e, field)) continue;
            order[count++] = field;
            whole[field] = true;
        }
        return count;
    }

    /// <summary>
    /// The fields the include list keeps, in the order they were first picked, each whole or (an
    /// object) only the keys named, in the order named; a whole pick wins over keys. The keys go to
    /// <see cref="_keys"/>: only properties can have any.
    /// </summary>
    private int Pick(SimEntity e, Span<int> order, Span<bool> whole)
    {
        var count = 0;
        _keys.Clear();
        foreach (var (field, sub) in _include)
        {
            if (field < 0 || !Has(e, field)) continue;
            if (sub is null)
            {
                if (!order[..count].Contains(field)) order[count++] = field;
                whole[field] = true;
            }
            else if (IsObject(e, field) && ObjectOf(e, field).TryGetProperty(sub, out var value))
            {
                if (!order[..count].Contains(field)) order[count++] = field;
                if (!HasKey(sub)) _keys.Add((sub, value));
            }
        }
        return count;
    }

    private bool HasKey(string name)
    {
        foreach (var k in _keys)
            if (k.Name == name) return true;
        return false;
    }

    private static bool Has(SimEntity e, int field) => field switch
    {
        UpdatedAt => e.UpdatedAt is not null,
        UpdatedBy => e.UpdatedBy is not null,
        _ => true,
    };

    private static bool IsObject(SimEntity e, int field) => field == Relations || (field == Properties && e.Properties.ValueKind == JsonValueKind.Object);

    private static JsonElement ObjectOf(SimEntity e, int field) => field == Properties ? e.Properties : s_empty;

    private static void WriteValue(Utf8JsonWriter w, SimEntity e, int field)
    {
        switch (field)
        {
            case Identifier: w.WriteStringValue(e.Identifier); break;
            case Title: WriteNullable(w, e.Title); break;
            case Icon: w.WriteNullValue(); break;
            case Blueprint: w.WriteStringValue(e.Blueprint); break;
            case Team:
                w.WriteStartArray();
                foreach (var t in e.Team) w.WriteStringValue(t);
                w.WriteEndArray();
                break;
            case Properties: e.Properties.WriteTo(w); break; // not an object (e.g. null): as it is
            case CreatedAt: w.WriteStringValue(e.CreatedAt); break;
            case CreatedBy: w.WriteStringValue(e.CreatedBy); break;
            case UpdatedAt: WriteNullable(w, e.UpdatedAt); break;
            default: WriteNullable(w, e.UpdatedBy); break;
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string? value)
    {
        if (value is null) w.WriteNullValue();
        else w.WriteStringValue(value);
    }

    /// <summary>An object field: all its keys or the picked ones, less the excluded ones.</summary>
    private void WriteObject(Utf8JsonWriter w, JsonElement o, bool whole)
    {
        w.WriteStartObject();
        if (whole)
        {
            foreach (var p in o.EnumerateObject())
                if (!_droppedKeys.Contains(p.Name)) p.WriteTo(w);
        }
        else
        {
            foreach (var (name, value) in _keys)
            {
                if (_droppedKeys.Contains(name)) continue;
                w.WritePropertyName(name);
                value.WriteTo(w);
            }
        }
        w.WriteEndObject();
    }

    private static (string Top, string? Sub) Split(string path)
    {
        var p = path.TrimStart('$');
        var dot = p.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (p, null) : (p[..dot], p[(dot + 1)..]);
    }
}
