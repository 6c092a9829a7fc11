using Dormant.Connectors.Http;
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

    /// <summary>Where the activity that decides "inactive" comes from, in a sentence for `dormant platforms show`.</summary>
    string ActivitySignal { get; }

    /// <summary>The vendor's rate limit and how Dormant paces itself under it, in a sentence.</summary>
    string RateLimit { get; }

    /// <summary>The platform's seed behaviour as a policy: product, threshold, action.</summary>
    PolicyRules DefaultPolicy { get; }

    /// <summary>Other named policies the platform offers (e.g. "seed": the original script's rule), chosen with --preset.</summary>
    IReadOnlyDictionary<string, PolicyRules> Presets { get; }

    /// <summary>Connects with resolved settings (keys of <see cref="Settings"/>); throws UsageException when one is missing.</summary>
    ConnectedPlatform Connect(IReadOnlyDictionary<string, string> settings, HttpTuning tuning);
}
