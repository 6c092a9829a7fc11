using Dormant.Cli.Config;
using Dormant.Cli.Infrastructure;
using Dormant.Connectors;

namespace Dormant.Cli.Evidence;

/// <summary>
/// Registers every credential this invocation can see (each platform's secret variables, and those the
/// config's tenants name) with the redactor, so what leaves the store without a connection is masked
/// the way a connected command's output is.
/// </summary>
internal static class KnownSecrets
{
    public static void Register(CliContext ctx, DormantConfig config)
    {
        foreach (var platform in PlatformCatalog.All)
            foreach (var spec in platform.Settings.Where(s => s.Secret))
                foreach (var name in spec.EnvAliases.Prepend(SettingNames.Variable(platform.Platform, spec)))
                    ctx.Redactor.Register(ctx.Variable(name));
        foreach (var tenant in config.Tenants)
            foreach (var name in tenant.Secrets.Values)
                ctx.Redactor.Register(ctx.Variable(name));
    }
}
