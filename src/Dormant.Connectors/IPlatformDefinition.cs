using Dormant.Core.Connectors;
using Dormant.Core.Policy;

namespace Dormant.Connectors;

/// <summary>What the command line needs to know about a platform, without knowing the platform.</summary>
public interface IPlatformDefinition
{
    string Platform { get; }

    /// <summary>What the platform is, in one line for `dormant platforms`.</summary>
    string Description => Platform;

    /// <summary>Its connection settings, each declared once: flags, variables and config keys derive from them (<see cref="SettingNames"/>).</summary>
    IReadOnlyList<SettingSpec> Settings { get; }

    /// <summary>What the platform can do to an account, the reversible default first.</summary>
    IReadOnlyList<PlatformAction> Actions { get; }

    /// <summary>The platform's words for its accounts (what a connection adds, such as the scan's scope, comes from its connector).</summary>
    PlatformWords Words { get; }

    /// <summary>
    /// The words for a recorded run of <paramref name="tenant"/> (as its connector named it), for a
    /// report made without a connection: a setting that shows in the tenant's name (a target) may
    /// change what a connection would add, such as the scope.
    /// </summary>
    PlatformWords WordsFor(string tenant) => Words;

    /// <summary>Where the activity that decides "inactive" comes from, in a sentence for `dormant platforms show`.</summary>
    string ActivitySignal { get; }

    /// <summary>The vendor's rate limit and how Dormant paces itself under it, in a sentence.</summary>
    string RateLimit { get; }

    /// <summary>The platform's seed behaviour as a policy: product, threshold, action.</summary>
    PolicyRules DefaultPolicy { get; }

    /// <summary>Other named policies the platform offers (e.g. "seed": the original script's rule), chosen with --preset.</summary>
    IReadOnlyDictionary<string, PolicyRules> Presets { get; }

    /// <summary>
    /// Connects with resolved settings (keys of <see cref="Settings"/>) through the process's HTTP root, on its clock;
    /// throws UsageException when a setting is missing.
    /// </summary>
    ConnectedPlatform Connect(IReadOnlyDictionary<string, string> settings, ConnectContext context);
}
