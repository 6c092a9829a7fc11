namespace Dormant.Cli.Infrastructure;

/// <summary>
/// Everything the commands take from the outside world, injected so tests drive the real entry
/// point in-process: streams, variables, working directory, clock, and whether a person is there.
/// </summary>
public sealed record CliEnvironment
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    public required TextReader In { get; init; }
    public required Func<string, string?> Variable { get; init; }
    public required string WorkingDirectory { get; init; }
    /// <summary>A person can answer a prompt (stdin is a terminal).</summary>
    public required bool Interactive { get; init; }
    /// <summary>stderr is a terminal: progress bars and colour are welcome.</summary>
    public required bool ErrorIsTerminal { get; init; }
    /// <summary>stdout is a terminal: tables get colour and aligned columns; false (a pipe) gets plain tab-separated rows.</summary>
    public bool OutIsTerminal { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>Tests shorten the vendor backoff; null keeps each platform's defaults.</summary>
    public Dormant.Connectors.Http.HttpTuning? HttpTuning { get; init; }
    /// <summary>The process's HTTP root; <see cref="DormantCli.RunAsync"/> makes one on <see cref="Clock"/> when there is none.</summary>
    public Dormant.Connectors.Http.VendorHttp? Http { get; init; }

    /// <summary>Columns --help wraps at; null asks the terminal (tests fix it to check help fits a screen).</summary>
    public int? HelpWidth { get; init; }

    public static CliEnvironment FromProcess() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        Variable = Environment.GetEnvironmentVariable,
        WorkingDirectory = Environment.CurrentDirectory,
        Interactive = !Console.IsInputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
        OutIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>
    /// The user's store, found from this environment's variables (not the process's) as .NET finds the
    /// local data folder, so a test that points HOME at a temp folder never reaches the real one.
    /// </summary>
    public string DefaultStorePath()
    {
        var data = OperatingSystem.IsWindows()
            ? Variable("LOCALAPPDATA")
            : Variable("XDG_DATA_HOME") is { } xdg && Path.IsPathRooted(xdg) ? xdg
            : Variable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".local", "share") : null;
        // No variable to go by (a service account without HOME): the runtime asks the OS for the profile.
        return string.IsNullOrEmpty(data) ? Dormant.Store.Sqlite.SqliteRunStore.DefaultPath() : Path.Combine(data, "dormant", "dormant.db");
    }

    public string RunBy => $"{Environment.UserName}@{Environment.MachineName}";
}
