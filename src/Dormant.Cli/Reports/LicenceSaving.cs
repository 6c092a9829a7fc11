namespace Dormant.Cli.Reports;

/// <summary>
/// The yearly licence cost a run reclaimed: accounts × seat price per month × 12. For a scan it is
/// what acting on the inactive accounts would reclaim (<see cref="Basis"/> "inactive"); a restore
/// reclaims nothing, so it has none.
/// </summary>
internal sealed record LicenceSaving(decimal SeatPricePerMonth, int Accounts, decimal Yearly, string Basis)
{
    public bool IsPotential => Basis == "inactive";

    public static LicenceSaving? For(string runKind, IReadOnlyList<ReportRow> rows, decimal? seatPrice)
    {
        if (seatPrice is not { } price) return null;
        var (basis, accounts) = runKind switch
        {
            "apply" => ("done", rows.Count(r => r.Action != "restore" && r.Outcome == ReportOutcomes.Done)),
            "scan" => ("inactive", rows.Count(r => r.Category == Core.Policy.Category.Inactive)),
            _ => ("", -1),
        };
        return accounts < 0 ? null : new LicenceSaving(price, accounts, accounts * price * 12, basis);
    }
}
