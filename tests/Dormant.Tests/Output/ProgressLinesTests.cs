using System.Text.RegularExpressions;
using Dormant.Tests.Support;

namespace Dormant.Tests.Output;

/// <summary>stderr as a log or pipe: plain progress lines that rise to the total, never a stuck 0%.</summary>
public sealed partial class ProgressLinesTests
{
    [GeneratedRegex(@"^Applying: (\d+) of (\d+) \((\d+)%\)")]
    private static partial Regex ApplyLine();

    [GeneratedRegex(@"^Restoring: (\d+) of (\d+) \((\d+)%\)")]
    private static partial Regex RestoreLine();

    private static List<(int N, int Total, int Pct)> Read(Regex re, string error) =>
        OutputKit.Lines(error).Select(l => re.Match(l)).Where(m => m.Success)
            .Select(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value))).ToList();

    private static void AssertRisesToAll(List<(int N, int Total, int Pct)> lines, int planned)
    {
        Assert.NotEmpty(lines);
        Assert.True(lines.Count <= 11, $"{lines.Count} lines: one per tenth at most");
        Assert.All(lines, l => Assert.Equal(planned, l.Total));
        Assert.Equal(lines.Select(l => l.N).Order(), lines.Select(l => l.N));
        Assert.Equal((planned, planned, 100), lines[^1]);
    }

    [Fact]
    public async Task Apply_and_restore_print_one_line_per_tenth_up_to_the_whole_plan()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        await using var sim = await OutputKit.TenantAsync(cli, users: 120);
        var planned = await OutputKit.PlanAsync(cli);
        Assert.True(planned >= 10, $"only {planned} planned");

        var apply = await cli.RunAsync("apply", "p.json", "--yes");
        Assert.True(apply.ExitCode == 0, apply.Error);
        AssertRisesToAll(Read(ApplyLine(), apply.Error), planned);

        var runId = Regex.Match(apply.Error, @"dormant restore (\S+)").Groups[1].Value;
        var restore = await cli.RunAsync("restore", runId);
        Assert.True(restore.ExitCode == 0, restore.Error);
        AssertRisesToAll(Read(RestoreLine(), restore.Error), planned);
    }

    [Fact]
    public async Task A_scan_without_a_known_total_ends_with_the_count_it_read()
    {
        using var dir = new TempDir();
        var cli = new CliHarness(dir.Path);
        await using var sim = await OutputKit.TenantAsync(cli, users: 80);
        // The organization's own count is not available to this key, so the listing has no total to show.
        var noCount = sim.Host.Faults.Add(new Dormant.Simulators.Fault
        {
            Route = new Dormant.Simulators.SimRoute("GET", "/users/count$"), Status = 404,
            Body = "{\"errors\":[{\"id\":\"x\",\"code\":\"ADMIN-UAM-404-1\",\"status\":\"404\",\"title\":\"Not Found\",\"detail\":\"Not found\"}]}",
        });

        var r = await cli.RunAsync("scan", "--connector", "atlassian");

        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(1, noCount.Fired);
        Assert.Contains("read 80 accounts; the vendor's total was not given", r.Error);
        var lines = OutputKit.Lines(r.Error).Where(l => l.StartsWith("Reading accounts:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.StartsWith("Reading accounts: 80 accounts", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains("0%", StringComparison.Ordinal));
    }
}

/// <summary>A vendor that says how many accounts it holds gets a scan measured against that total.</summary>
public sealed partial class ScanTotalLinesTests
{
    [GeneratedRegex(@"^Reading accounts: ([\d,]+) of ([\d,]+) \((\d+)%\)")]
    private static partial Regex ScanLine();

    private static int Number(string s) => int.Parse(s.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_docspace_scan_counts_tenths_of_the_total_the_portal_reports()
    {
        using var dir = new TempDir();
        await using var portal = await Dormant.Tests.DocSpace.DocSpacePortal.StartAsync(350, seed: 5);
        var cli = new CliHarness(dir.Path);
        cli.Variables["DOCSPACE_API_HOST"] = portal.Host.BaseUrl.ToString();
        cli.Variables["DOCSPACE_API_KEY"] = portal.Tenant.ApiKey;
        cli.Variables["DORMANT_STORE"] = dir.File("store.db");

        var r = await cli.RunAsync("scan", "--connector", "docspace", "--docspace-area", "all");

        Assert.True(r.ExitCode == 0, r.Error);
        var lines = OutputKit.Lines(r.Error).Select(l => ScanLine().Match(l)).Where(m => m.Success)
            .Select(m => (N: Number(m.Groups[1].Value), Total: Number(m.Groups[2].Value), Pct: int.Parse(m.Groups[3].Value))).ToList();
        Assert.True(lines.Count >= 3, r.Error);
        var total = lines[0].Total;
        Assert.True(total >= 300, $"total {total}");
        Assert.All(lines, l => Assert.Equal(total, l.Total));
        Assert.Equal(lines.Select(l => l.N).Order(), lines.Select(l => l.N));
        Assert.Equal((total, total, 100), lines[^1]);
        Assert.DoesNotContain(OutputKit.Lines(r.Error), l => l.StartsWith("Reading accounts:", StringComparison.Ordinal) && l.Contains(" accounts,", StringComparison.Ordinal));
    }
}
