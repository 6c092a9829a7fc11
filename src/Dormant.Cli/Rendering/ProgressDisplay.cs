using Dormant.Cli.Infrastructure;
using Spectre.Console;

namespace Dormant.Cli.Rendering;

/// <summary>A progress bar on a terminal's stderr; silent in a pipe so stdout stays data.</summary>
public static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliContext ctx, string title, int? total, Func<IProgress<int>, Task<T>> work)
    {
        if (ctx.ProgressConsole is not { } console) return await work(new Progress<int>());
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async p =>
            {
                title = Markup.Escape(title);
                var task = p.AddTask(title, maxValue: total ?? 1);
                task.IsIndeterminate = total is null;
                var result = await work(new SyncProgress(n =>
                {
                    task.Value = total is null ? 0 : n;
                    task.Description = $"{title} ({n})";
                }));
                task.StopTask();
                return result;
            });
    }

    // Progress<T> posts to the thread pool out of order; the bar wants the latest value now.
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
