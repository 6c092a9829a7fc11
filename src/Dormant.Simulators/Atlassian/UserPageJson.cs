using System.Text.Json;

namespace Dormant.Simulators.Atlassian;

/// <summary>{data: [User], links: {self, prev, next}}, the links as cursor strings (JIRAJS linkPageCursor, nullish).</summary>
internal static class UserPageJson
{
    public static Action<Utf8JsonWriter> Write(UserSearch.Result page, IReadOnlySet<string> expand, string self, Func<string, string> cursor) => w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("data");
        foreach (var user in page.Items)
        {
            AtlassianUserJson.Write(w, user, expand);
        }

        w.WriteEndArray();
        WriteLinks(w, cursor(self), page.Prev is null ? null : cursor(page.Prev), page.Next is null ? null : cursor(page.Next));
        w.WriteEndObject();
    };

    public static void WriteLinks(Utf8JsonWriter w, string self, string? prev, string? next)
    {
        w.WriteStartObject("links");
        w.WriteString("self", self);
        WriteNullable(w, "prev", prev);
        WriteNullable(w, "next", next);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
