using Dormant.Bench;
using Dormant.Bench.Client;

// The parent process hosts the simulators and prints the table; each measured run is a child
// process of this same program ("client ..."), so its memory is Dormant's alone.
if (args is ["-h"] or ["--help"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
try
{
    return args switch
    {
        ["client", .. var rest] => await ClientMain.RunAsync(ClientArgs.Parse(rest)),
        ["store", .. var rest] => await Dormant.Bench.Store.StoreBench.RunAsync(rest),
        _ => await Orchestrator.RunAsync(BenchOptions.Parse(args)),
    };
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"dormant-bench: {e.Message}");
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}
