using Dormant.Cli;
using Dormant.Cli.Infrastructure;
using Dormant.Connectors.Http;

namespace Dormant.Tests.Support;

/// <summary>Runs the real entry point in-process with its own variables, folder and streams.</summary>
public sealed class CliHarness(string workingDirectory)
{
    // A store of its own in the test's folder unless the test names one, and a HOME of its own there too
    // (made only when something writes to it), so even a default store never lands in the real $HOME.
    // DORMANT_STORE stays: many tests open that file after the CLI wrote it.
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal)
    {
        ["DORMANT_STORE"] = System.IO.Path.Combine(workingDirectory, "dormant.db"),
        ["HOME"] = HomeIn(workingDirectory),
        ["XDG_DATA_HOME"] = System.IO.Path.Combine(HomeIn(workingDirectory), ".local", "share"),
    };

    public static string HomeIn(string workingDirectory) => System.IO.Path.Combine(workingDirectory, "home");
    public bool Interactive { get; set; }
    /// <summary>Pretend stderr / stdout are terminals (live progress, colour, aligned tables).</summary>
    public bool ErrorIsTerminal { get; set; }
    public bool OutIsTerminal { get; set; }
    public string Input { get; set; } = "";
    public TimeProvider Clock { get; set; } = TimeProvider.System;
    /// <summary>Columns --help wraps at (null: unwrapped, as in a pipe).</summary>
    public int? HelpWidth { get; set; }

    /// <summary>
    /// The clock the conversation with the simulators runs on (pacing, retry waits, token expiry): theirs, real
    /// time. A test that sets <see cref="Clock"/> moves the date the commands see, not the simulators, so a fake
    /// clock there must not freeze the waits of a real-time vendor. In a real process both are the one clock.
    /// </summary>
    public TimeProvider HttpClock { get; set; } = TimeProvider.System;

    public static readonly HttpTuning Fast = new(RequestsPerSecond: 1000, MaxConcurrency: 8, BaseDelay: TimeSpan.FromMilliseconds(10), MaxRetries: 4);

    /// <summary>Fast backoff by default; null runs with each platform's real defaults (what a user gets).</summary>
    public HttpTuning? Tuning { get; set; } = Fast;

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // Each run is a process of its own: its own HTTP root, disposed when it ends.
        using var http = new VendorHttp(HttpClock);
        var env = new CliEnvironment
        {
            Out = output,
            Error = error,
            In = new StringReader(Input),
            Variable = name => Variables.TryGetValue(name, out var v) ? v : null,
            WorkingDirectory = workingDirectory,
            Interactive = Interactive,
            ErrorIsTerminal = ErrorIsTerminal,
            OutIsTerminal = OutIsTerminal,
            Clock = Clock,
            HttpTuning = Tuning,
            Http = http,
            HelpWidth = HelpWidth,
        };
        var code = await DormantCli.RunAsync(args, env);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
