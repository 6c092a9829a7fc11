using System.CommandLine;
using Dormant.Cli.Infrastructure;

namespace Dormant.Cli.Options;

public sealed class BackupOptions
{
    public Option<string?> Dir { get; } = new("--backup-dir") { Description = "Where per-account JSON backups and the run's ZIP go (default: the current directory)" };

    /// <summary>Checked before any request: an existing file is no place for backups.</summary>
    public string Path(ParseResult parse, CliContext ctx) => InputChecks.OutputDirectory(parse.GetValue(Dir) ?? ".", Dir.Name, ctx);
}
