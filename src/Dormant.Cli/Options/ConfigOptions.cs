using System.CommandLine;
using Dormant.Cli.Config;
using Dormant.Cli.Infrastructure;
using Dormant.Core.Errors;

namespace Dormant.Cli.Options;

public sealed class ConfigOptions
{
    public static readonly Option<string?> File = new("--config") { Description = "Config file (default: DORMANT_CONFIG, else ./dormant.yaml)", Recursive = true };

    /// <summary>The config in force: the named file (which must exist), else ./dormant.yaml if present, else none.</summary>
    public static DormantConfig Load(ParseResult parse, CliContext ctx)
    {
        var named = parse.GetValue(File) ?? ctx.Variable("DORMANT_CONFIG");
        if (!string.IsNullOrWhiteSpace(named))
        {
            var path = Path.GetFullPath(named, ctx.Env.WorkingDirectory);
            if (!System.IO.File.Exists(path)) throw new UsageException($"config file {path} does not exist");
            return ConfigLoader.Load(path);
        }
        var local = Path.Combine(ctx.Env.WorkingDirectory, ConfigLoader.FileName);
        return System.IO.File.Exists(local) ? ConfigLoader.Load(local) : DormantConfig.Empty;
    }
}
