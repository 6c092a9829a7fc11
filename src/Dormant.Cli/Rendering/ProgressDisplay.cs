using Dormant.Cli.Infrastructure;
using Dormant.Core.Connectors;
using Spectre.Console;

namespace Dormant.Cli.Rendering;

/// <summary>
/// Work against its total: live Spectre columns on a terminal's stderr (count, percentage, time left;
/// a spinner with a count and rate when the total is unknown), plain lines when stderr is a log or a
/// pipe, nothing under --output json. stdout stays data throughout.
/// </summary>
public static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliContext ctx, string title, int? total, Func<IProgress<int>, Task<T>> work)
    {
        if (ctx.Json) return await work(new SyncProgress<int>(_ => { }));
        if (ctx.ProgressConsole is not { } console)
        {
            var lines = new ProgressLines(ctx.Error, ctx.Clock, title, total);
            var done = await work(lines);
            lines.Finish();
            return done;
        }
        return await Live(console).StartAsync(async p =>
        {
            var task = p.AddTask(Markup.Escape(title), maxValue: total ?? int.MaxValue);
            task.IsIndeterminate = total is null;
            var result = await work(new TaskProgress(task));
            task.StopTask();
            return result;
        });
    }

    /// <summary>Counts items as they finish, at once: Progress&lt;T&gt; would post them to the pool, late and out of order.</summary>
    public static IProgress<TItem> Counting<TItem>(IProgress<int> counts)
    {
        var n = 0;
        return new SyncProgress<TItem>(_ => counts.Report(Interlocked.Increment(ref n)));
    }

    internal static Progress Live(IAnsiConsole console) =>
        console.Progress().AutoClear(true).Columns(
            new WhenTotalColumn(new SpinnerColumn(), known: false), new TaskDescriptionColumn(),
            new WhenTotalColumn(new ProgressBarColumn(), known: true), new CountColumn(),
            new WhenTotalColumn(new PercentageColumn(), known: true), new WhenTotalColumn(new RemainingTimeColumn(), known: true));

    /// <summary>Moves the live task; a total from the vendor turns the spinner into a bar.</summary>
    private sealed class TaskProgress(ProgressTask task) : IListingProgress
    {
        public void Report(int value) => task.Value = value;

        public void ReportTotal(int total)
        {
            task.MaxValue = Math.Max(1, total);
            task.IsIndeterminate = false;
        }
    }

    private sealed class SyncProgress<TItem>(Action<TItem> report) : IProgress<TItem>
    {
        public void Report(TItem value) => report(value);
    }
}
