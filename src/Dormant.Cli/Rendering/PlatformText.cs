using Dormant.Connectors;
using Dormant.Core.Connectors;

namespace Dormant.Cli.Rendering;

/// <summary>`dormant platforms` for people. Never a setting's value: only its names, default and rule.</summary>
public static class PlatformText
{
    public const string Precedence =
        "The first that has a value wins: the flag; for a tenant of the config file, its settings and the variables its secrets name; "
        + "the DORMANT_ variable; the other variables, in order; the default.";

    public static void List(TextWriter w, IReadOnlyList<IPlatformDefinition> platforms, bool aligned)
    {
        TextTable.Render(w, ["PLATFORM", "ACTIONS", "DESCRIPTION"],
            platforms.Select(p => new[] { p.Platform, string.Join(", ", p.Actions.Select(a => a.Name)), p.Description }), aligned);
        w.WriteLine();
        w.WriteLine("Settings, signal, actions and rate limit of one: dormant platforms show <platform>");
    }

    public static void Show(TextWriter w, IPlatformDefinition p, bool aligned)
    {
        w.WriteLine($"{p.Platform}: {p.Description}");
        w.WriteLine();
        w.WriteLine("Settings (the config file's key, flag, variable, other names; secrets only from the environment or .env):");
        TextTable.Render(w, ["KEY", "FLAG", "VARIABLE", "ALIASES", "DEFAULT", "SECRET", "DESCRIPTION"],
            p.Settings.Select(s => new[]
            {
                s.Key, SettingNames.Flag(p.Platform, s), SettingNames.Variable(p.Platform, s), Aliases(s) is { Length: > 0 } a ? a : "-",
                s.Default ?? (s.Required ? "(required)" : "-"), s.Secret ? "yes" : "no", s.Description,
            }), aligned);
        w.WriteLine(Precedence);
        w.WriteLine();
        w.WriteLine($"Activity signal: {p.ActivitySignal}");
        w.WriteLine();
        w.WriteLine("Actions (the first is the default):");
        TextTable.Render(w, ["ACTION", "PAST TENSE", "AFTERWARDS", "REVERSIBLE", "UNDO"],
            p.Actions.Select(a => new[] { a.Name, a.PastTense, End(a.End), a.Reversible ? "yes" : "no", a.Undo ?? "-" }), aligned);
        w.WriteLine();
        w.WriteLine($"Rate limit: {p.RateLimit}");
    }

    public static string Aliases(SettingSpec s) => string.Join(", ", s.EnvAliases.Concat(s.FlagAliases).Concat(s.KeyAliases));

    public static string End(ActionEnd end) => end switch
    {
        ActionEnd.CannotSignIn => "cannot sign in",
        ActionEnd.Gone => "gone (backup only)",
        _ => end.ToString(),
    };
}
