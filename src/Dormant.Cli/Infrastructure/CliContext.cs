using Dormant.Cli.Rendering;
using Spectre.Console;

namespace Dormant.Cli.Infrastructure;

/// <summary>One invocation's view of the world: redacted output, variables with .env, the clock.</summary>
public sealed class CliContext
{
    public CliContext(CliEnvironment env)
    {
        Env = env;
        // Begun here, inside the command's own async flow, so the connectors it starts add to it.
        Redactor = new SecretRedactor(Dormant.Connectors.Http.SecretRegistry.BeginScope());
        Variable = DotEnv.Layer(env.Variable, env.WorkingDirectory);
        // Colour marks become escapes after the redactor has escaped every control character of the line.
        Out = new RedactingWriter(new ColourWriter(env.Out, () => ColourOut), Redactor, () => !Json);
        Error = new RedactingWriter(new ColourWriter(env.Error, () => ColourError), Redactor, () => true);
    }

    public CliEnvironment Env { get; }
    public SecretRedactor Redactor { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public Func<string, string?> Variable { get; }
    public TimeProvider Clock => Env.Clock;

    /// <summary>What a connection is made with: the process's HTTP root and the environment's HTTP tuning.</summary>
    public Dormant.Connectors.ConnectContext Connecting => new(
        Env.Http ?? throw new InvalidOperationException("no HTTP root: commands run through DormantCli.RunAsync"), Env.HttpTuning);

    public bool Verbose { get; set; }
    /// <summary>--output json: stdout carries one JSON document; stderr only errors and warnings.</summary>
    public bool Json { get; set; }

    /// <summary>https://no-color.org: set to anything, even empty, and no colour is written.</summary>
    /// <remarks>The process variable is asked directly: the .env layer treats an empty value as unset.</remarks>
    public bool NoColour => Env.Variable("NO_COLOR") is not null || Variable("NO_COLOR") is not null;
    public bool ColourOut => Env.OutIsTerminal && !Json && !NoColour;
    public bool ColourError => Env.ErrorIsTerminal && !NoColour;

    /// <summary>Where text for people goes: stdout normally, nowhere under --output json (the document says it all).</summary>
    public TextWriter Text => Json ? TextWriter.Null : Out;

    /// <summary>Progress goes to stderr, live only when it is a terminal, never under --output json.</summary>
    public IAnsiConsole? ProgressConsole => Env.ErrorIsTerminal && !Json
        ? AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Env.Error),
            // The caller said stderr is a terminal; Spectre's own probe would look at the process console, not this writer.
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = NoColour ? ColorSystemSupport.NoColors : ColorSystemSupport.Standard,
        })
        : null;

    /// <summary>A line for people on stderr; under --output json only warnings pass, so stderr holds nothing but problems.</summary>
    public void Say(string line)
    {
        if (!Json || line.StartsWith("warning:", StringComparison.Ordinal)) Error.WriteLine(line);
    }
}
