using System.Text.Json;
using Dormant.Core.Store;

namespace Dormant.Cli.Rendering;

/// <summary>A scan's population snapshot for 'show': the count against the vendor's, and the query behind it.</summary>
public static class PopulationText
{
    public static void Write(TextWriter w, PopulationSnapshot s)
    {
        w.WriteLine($"population {TerminalText.Escape(s.Describe())}");
        w.WriteLine($"           read {s.ReadAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} by dormant {TerminalText.Escape(s.ToolVersion)}");
        foreach (var r in s.Requests)
            w.WriteLine($"           {r.Method} {TerminalText.Escape(r.Path)}{(r.Parameters.Length == 0 ? "" : " " + TerminalText.Escape(Flat(r.Parameters)))} ({TerminalText.Escape(r.Purpose)})");
    }

    /// <summary>A JSON body as name=value pairs, arrays joined by commas: the audit trail reads as text, as the policy does.</summary>
    public static string Flat(string parameters)
    {
        if (!parameters.StartsWith('{')) return parameters;
        try
        {
            using var doc = JsonDocument.Parse(parameters);
            return string.Join(' ', doc.RootElement.EnumerateObject().Select(p => p.Name + "=" + (p.Value.ValueKind == JsonValueKind.Array
                ? string.Join(',', p.Value.EnumerateArray().Select(v => v.ToString()))
                : p.Value.ToString())));
        }
        catch (JsonException)
        {
            return parameters;
        }
    }
}
