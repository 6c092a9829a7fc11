using System.CommandLine;

namespace Dormant.Cli.Options;

public static class OutputOptions
{
    public static readonly Option<string> Format = new("--output")
    {
        Description = "table for people, json for scripts",
        Recursive = true,
        DefaultValueFactory = _ => "table",
    };

    static OutputOptions() => Format.AcceptOnlyFromAmong("table", "json");
}
