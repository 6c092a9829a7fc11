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
        Out = new RedactingWriter(env.Out, Redactor, () => !Json);
        Error = new RedactingWriter(env.Error, Redactor, () => true);
        Variable = DotEnv.Layer(env.Variable, env.WorkingDirectory);
    }

    public CliEnvironment Env { get; }
    public SecretRedactor Redactor { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public Func<string, string?> Variable { get; }
    public TimeProvider Clock => Env.Clock;
    public bool Verbose { get; set; }
    /// <summary>--output json: stdout carries one JSON document; everything for people goes to stderr.</summary>
    public bool Json { get; set; }

    /// <summary>Where text for people goes: stdout normally, stderr under --output json.</summary>
    public TextWriter Text => Json ? Error : Out;

    /// <summary>Progress and colour go to stderr, and only when it is a terminal.</summary>
    public IAnsiConsole? ProgressConsole => Env.ErrorIsTerminal
        ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Env.Error) })
        : null;

    public void Say(string line) => Error.WriteLine(line);
}
