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
            w.WriteLine($"           {r.Method} {TerminalText.Escape(r.Path)}{(r.Parameters.Length == 0 ? "" : " " + TerminalText.Escape(r.Parameters))} ({TerminalText.Escape(r.Purpose)})");
    }
}
