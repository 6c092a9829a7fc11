using System.CommandLine;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Backups;
using Dormant.Core.Plans;

namespace Dormant.Cli.Options;

public sealed class BackupOptions
{
    public Option<string?> Dir { get; } = new("--backup-dir")
    {
        Description = "Where per-account JSON backups and the run's ZIP go (default: backups/<platform>-<tenant>/ beside the store)",
    };

    /// <summary>Checked before any request: an existing file is no place for backups. Null: the default applies.</summary>
    public string? Given(ParseResult parse, CliContext ctx) =>
        parse.GetValue(Dir) is { } dir ? InputChecks.OutputDirectory(dir, Dir.Name, ctx) : null;

    /// <summary>
    /// Beside the store by default, one folder per tenant: the working folder of the moment is where
    /// nobody looks for them a month later, and two tenants' runs must not share a folder.
    /// </summary>
    public string Path(string? given, string storePath, Plan plan, CliContext ctx) => given ?? InputChecks.OutputDirectory(
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(storePath)!, "backups", BackupNames.TenantFolder(plan.Platform, plan.Tenant)),
        Dir.Name, ctx);
}
