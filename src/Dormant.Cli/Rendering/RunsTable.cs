using Dormant.Core.Store;

namespace Dormant.Cli.Rendering;

/// <summary>'runs' for people: a header row and aligned columns on a terminal, tab-separated rows (header first) in a pipe.</summary>
public static class RunsTable
{
    private static readonly string[] Header = ["RUN", "KIND", "PLATFORM", "TENANT", "STATUS", "STARTED", "BY"];

    public static void Render(TextWriter w, IReadOnlyList<RunRecord> runs, bool aligned) =>
        TextTable.Render(w, Header, runs.Select(r => new[]
        {
            r.RunId, r.Kind, r.Platform, TerminalText.Escape(r.Tenant), r.Status,
            r.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), TerminalText.Escape(r.RunBy),
        }), aligned);
}
