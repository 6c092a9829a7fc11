using System.CommandLine;
using Dormant.Cli.Infrastructure;

namespace Dormant.Cli.Options;

public sealed class BackupOptions
{
    public Option<string?> Dir { get; } = new("--backup-dir") { Description = "Where per-account JSON backups and the run's ZIP go (default: the current directory)" };

    public string Path(ParseResult parse, CliContext ctx) =>
        System.IO.Path.GetFullPath(parse.GetValue(Dir) ?? ".", ctx.Env.WorkingDirectory);
}
