using Dormant.Cli;
using Dormant.Cli.Infrastructure;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops between accounts; the journal lets the next run finish the work.
    e.Cancel = true;
    cts.Cancel();
};
return await DormantCli.RunAsync(args, CliEnvironment.FromProcess(), cts.Token);
