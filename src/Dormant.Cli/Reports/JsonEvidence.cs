using System.Text.Json;
using Dormant.Core.Store;

namespace Dormant.Cli.Reports;

/// <summary>The report's "population" and "verification" keys (docs/report-schema.md); null when none was recorded.</summary>
internal static class JsonEvidence
{
    public static void WritePopulation(Utf8JsonWriter w, PopulationSnapshot? s)
    {
        if (s is null) { w.WriteNull("population"); return; }
        w.WriteStartObject("population");
        w.WriteString("scanRunId", s.RunId);
        w.WriteString("readAt", ReportTime.Iso(s.ReadAt));
        w.WriteString("toolVersion", s.ToolVersion);
        w.WriteNumber("accountsRead", s.AccountsRead);
        if (s.VendorTotal is { } total) w.WriteNumber("vendorTotal", total); else w.WriteNull("vendorTotal");
        w.WriteString("totalSource", s.TotalSource);
        if (s.Difference is { } d) w.WriteNumber("difference", d); else w.WriteNull("difference");
        w.WriteString("summary", s.Describe());
        w.WriteStartArray("requests");
        foreach (var r in s.Requests)
        {
            w.WriteStartObject();
            w.WriteString("method", r.Method);
            w.WriteString("path", r.Path);
            w.WriteString("parameters", r.Parameters);
            w.WriteString("purpose", r.Purpose);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteVerification(Utf8JsonWriter w, IReadOnlyList<AccountVerification> checks)
    {
        if (checks.Count == 0) { w.WriteNull("verification"); return; }
        w.WriteStartObject("verification");
        w.WriteNumber("accounts", checks.Count);
        w.WriteNumber("matching", checks.Count(c => c.Matches));
        w.WriteNumber("mismatched", checks.Count(c => !c.Matches && c.Seen != AccountVerification.Unverified));
        w.WriteNumber("unverified", checks.Count(c => c.Seen == AccountVerification.Unverified));
        w.WriteStartArray("accountsRead");
        foreach (var c in checks)
        {
            w.WriteStartObject();
            w.WriteString("accountId", c.AccountId);
            w.WriteString("label", c.Label);
            w.WriteString("action", c.Action);
            w.WriteString("expected", c.Expected);
            w.WriteString("seen", c.Seen);
            w.WriteBoolean("matches", c.Matches);
            w.WriteString("error", c.Error);
            w.WriteString("at", ReportTime.Iso(c.At));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
