using System.Text.Json;
using Dormant.Cli.Reports;

namespace Dormant.Tests.Reports;

/// <summary>The CSV report: the JSON's rows, RFC 4180, safe to open in a spreadsheet.</summary>
[Collection(ReportedRunsCollection.Name)]
public sealed class ReportCsvTests(ReportedRuns runs)
{
    [Fact]
    public async Task Csv_carries_the_same_rows_as_json()
    {
        var json = await runs.ReportAsync(runs.ApplyRunId, "--format", "json");
        var csv = await runs.ReportAsync(runs.ApplyRunId, "--format", "csv");

        Assert.Equal(0, csv.ExitCode);
        var records = CsvText.Parse(csv.Out);
        Assert.Equal(ReportColumns.Names, records[0]);
        using var doc = JsonDocument.Parse(json.Out);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, records.Count - 1);
        for (var i = 0; i < rows.Count; i++)
            foreach (var (name, col) in ReportColumns.Names.Select((n, c) => (n, c)))
                Assert.Equal(AsSpreadsheetSafe(JsonCell(rows[i].GetProperty(name))), records[i + 1][col]);
    }

    [Fact]
    public async Task Csv_neutralises_formulas_and_quotes_by_rfc_4180()
    {
        var csv = await runs.ReportAsync(runs.ApplyRunId, "--format", "csv");

        var records = CsvText.Parse(csv.Out);
        Assert.All(records.SelectMany(r => r), cell => Assert.DoesNotMatch("^[=+\\-@\t\r]", cell));
        var byId = records.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal("'" + ReportedRuns.FormulaName, byId["evil-csv"][1]);
        for (var i = 0; i < ReportedRuns.OtherFormulaNames.Length; i++)
            Assert.Equal("'" + ReportedRuns.OtherFormulaNames[i], byId[$"evil-formula-{i}"][1]);
        Assert.Equal(ReportedRuns.QuotedName, byId["evil-quote"][1]);
        Assert.Contains("\"Doe, \"\"JJ\"\"\r\nline two\"", csv.Out);
    }

    [Fact]
    public async Task Csv_to_a_file_says_where()
    {
        var result = await runs.ReportAsync(runs.ScanRunId, "--format", "csv", "-o", "scan.csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report written to", result.Error);
        Assert.Equal(runs.ScanDecisions + 1, CsvText.Parse(await File.ReadAllTextAsync(Path.Combine(runs.Folder, "scan.csv"))).Count);
    }

    private static string JsonCell(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => e.GetRawText(),
        _ => e.GetString()!,
    };

    private static string AsSpreadsheetSafe(string cell) => cell.Length > 0 && "=+-@\t\r".Contains(cell[0]) ? "'" + cell : cell;
}
