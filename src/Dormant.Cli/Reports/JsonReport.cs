using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dormant.Cli.Reports;

/// <summary>The report as JSON, schema "dormant.report/v1" (docs/report-schema.md). Every key is always present.</summary>
internal static class JsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(RunReport report, TextWriter output, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var w = new Utf8JsonWriter(buffer, Options);
        w.WriteStartObject();
        w.WriteString("schema", RunReport.Schema);
        w.WriteString("generatedAt", ReportTime.Iso(report.GeneratedAt));
        WriteRun(w, report);
        WriteCounts(w, report);
        WriteBands(w, report);
        WriteLicence(w, report.Licence);
        JsonEvidence.WritePopulation(w, report.Population);
        JsonEvidence.WriteVerification(w, report.Verification);
        w.WriteStartArray("rows");
        for (var i = 0; i < report.Rows.Count; i++)
        {
            WriteRow(w, report.Rows[i]);
            // Drain now and then so a large tenant does not hold the whole document twice.
            if (i % 256 == 255) await DrainAsync(w, buffer, output, ct);
        }
        w.WriteEndArray();
        w.WriteEndObject();
        await DrainAsync(w, buffer, output, ct);
        await output.WriteAsync("\n");
    }

    private static void WriteRun(Utf8JsonWriter w, RunReport report)
    {
        var r = report.Run;
        w.WriteStartObject("run");
        w.WriteString("runId", r.RunId);
        w.WriteString("kind", r.Kind);
        w.WriteString("platform", r.Platform);
        w.WriteString("tenant", r.Tenant);
        w.WriteString("scope", report.Words.Scope);
        w.WriteString("status", r.Status);
        w.WriteString("runBy", r.RunBy);
        w.WriteString("startedAt", ReportTime.Iso(r.StartedAt));
        w.WriteString("finishedAt", ReportTime.Iso(r.FinishedAt));
        w.WriteString("planId", report.PlanId);
        w.WriteString("planDigest", report.PlanDigest);
        w.WriteString("parentRunId", r.ParentRunId);
        w.WriteStartArray("restoredBy");
        foreach (var later in report.RestoredBy)
        {
            w.WriteStartObject();
            w.WriteString("runId", later.RunId);
            w.WriteString("at", ReportTime.Iso(later.At));
            w.WriteNumber("restored", later.Restored);
            w.WriteString("status", later.Status);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("policy");
        WritePolicy(w, report.PolicyJson);
        if (report.ThresholdDays is { } t) w.WriteNumber("thresholdDays", t); else w.WriteNull("thresholdDays");
        w.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter w, string? json)
    {
        if (json is null) { w.WriteNullValue(); return; }
        try
        {
            using var doc = JsonDocument.Parse(json);
            doc.RootElement.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteStringValue(json); // recorded but unreadable: keep the text rather than lose it
        }
    }

    private static void WriteCounts(Utf8JsonWriter w, RunReport report)
    {
        w.WriteStartObject("counts");
        w.WriteNumber("accounts", report.Rows.Count);
        w.WriteStartObject("categories");
        foreach (var (name, count) in report.CategoryCounts()) w.WriteNumber(name, count);
        w.WriteEndObject();
        w.WriteStartObject("outcomes");
        foreach (var (name, count) in report.OutcomeCounts()) w.WriteNumber(name, count);
        w.WriteEndObject();
        w.WriteNumber("backupsKept", report.Rows.Count(r => r.BackupKept));
        w.WriteEndObject();
    }

    private static void WriteBands(Utf8JsonWriter w, RunReport report)
    {
        w.WriteStartArray("activityBands");
        foreach (var b in report.Bands)
        {
            w.WriteStartObject();
            w.WriteString("label", b.Label);
            if (b.From is { } from) w.WriteNumber("fromDays", from); else w.WriteNull("fromDays");
            if (b.To is { } to) w.WriteNumber("toDays", to); else w.WriteNull("toDays");
            w.WriteNumber("accounts", b.Accounts);
            w.WriteNumber("inactive", b.Inactive);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteLicence(Utf8JsonWriter w, LicenceSaving? licence)
    {
        if (licence is null) { w.WriteNull("licence"); return; }
        w.WriteStartObject("licence");
        w.WriteNumber("seatPricePerMonth", licence.SeatPricePerMonth);
        w.WriteString("basis", licence.Basis);
        w.WriteNumber("accounts", licence.Accounts);
        w.WriteNumber("yearly", licence.Yearly);
        w.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter w, ReportRow row)
    {
        w.WriteStartObject();
        var values = ReportColumns.Values(row);
        for (var i = 0; i < values.Length; i++)
        {
            var name = ReportColumns.Names[i];
            switch (values[i])
            {
                case null: w.WriteNull(name); break;
                case int n: w.WriteNumber(name, n); break;
                case bool b: w.WriteBoolean(name, b); break;
                case var v: w.WriteString(name, (string)v); break;
            }
        }
        w.WriteEndObject();
    }

    private static async Task DrainAsync(Utf8JsonWriter w, ArrayBufferWriter<byte> buffer, TextWriter output, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        w.Flush();
        await output.WriteAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }
}
