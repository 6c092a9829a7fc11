using System.Globalization;
using System.Reflection;
using Dormant.Core.Connectors;

namespace Dormant.Core.Store;

/// <summary>
/// What one scan read and how: the listing's requests and parameters, when, with which build of the
/// tool, how many accounts it read and the vendor's own total where its API gives one. An auditor tests
/// the completeness of the population with it (AICPA AT-C 205.36).
/// </summary>
public sealed record PopulationSnapshot
{
    public string RunId { get; init; } = "";
    public required string Platform { get; init; }
    public required string Tenant { get; init; }
    public required DateTimeOffset ReadAt { get; init; }
    public required string ToolVersion { get; init; }
    public required IReadOnlyList<ListingRequest> Requests { get; init; }
    /// <summary>Accounts the vendor's listing returned (before any local filter), each counted once per listing entry.</summary>
    public required int AccountsRead { get; init; }
    /// <summary>The vendor's own count of the same population; null when its API gives none.</summary>
    public int? VendorTotal { get; init; }
    /// <summary>The request the total came from; null when the API gives none.</summary>
    public string? TotalSource { get; init; }

    /// <summary>Read minus reported: negative when accounts are missing; null when there is no total to compare.</summary>
    public int? Difference => VendorTotal is { } total ? AccountsRead - total : null;

    /// <summary>"read 1,204 accounts; vendor reports 1,204", or what does not add up.</summary>
    public string Describe()
    {
        var read = N(AccountsRead);
        return Difference switch
        {
            null when TotalSource is not null => $"read {read} accounts; the vendor's total was not given ({TotalSource})",
            null => $"read {read} accounts; the vendor gives no total to compare",
            0 => $"read {read} accounts; vendor reports {N(VendorTotal!.Value)}",
            < 0 and var d => $"read {read} of the {N(VendorTotal!.Value)} the vendor reports: {N(-d)} missing",
            var d => $"read {read} accounts, {N(d.Value)} more than the {N(VendorTotal!.Value)} the vendor reports",
        };
    }

    /// <summary>The version of this build, as the package carries it (without the source revision suffix).</summary>
    public static string CurrentToolVersion { get; } =
        (typeof(PopulationSnapshot).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
         ?? typeof(PopulationSnapshot).Assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
