using System.Runtime.InteropServices;
using Dormant.Cli;
using Dormant.Cli.Infrastructure;

using var cts = new CancellationTokenSource();
// Ctrl+C and SIGTERM stop between accounts: the command records and prints what was done, then exits 130.
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await DormantCli.RunAsync(args, CliEnvironment.FromProcess(), cts.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cts.Cancel();
}
