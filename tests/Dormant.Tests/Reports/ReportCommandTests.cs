namespace Dormant.Tests.Reports;

/// <summary>'dormant report' refuses bad input with a usage error, and says so when it cannot write.</summary>
[Collection(ReportedRunsCollection.Name)]
public sealed class ReportCommandTests(ReportedRuns runs)
{
    [Theory]
    [InlineData("no-such-run", "html", "no run no-such-run")]
    [InlineData("x", "xml", "xml")]
    public async Task Bad_input_is_a_usage_error(string runId, string format, string message)
    {
        var result = await runs.ReportAsync(runId, "--format", format);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Negative_seat_price_is_a_usage_error()
    {
        var result = await runs.ReportAsync(runs.ApplyRunId, "--seat-price", "-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--seat-price", result.Error);
    }

    [Fact]
    public async Task A_missing_folder_is_a_usage_error_and_is_not_created()
    {
        var result = await runs.ReportAsync(runs.ApplyRunId, "--format", "csv", "-o", "no/such/folder/r.csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
        Assert.Contains("no/such/folder/r.csv", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(runs.Folder, "no")));
    }
}
