namespace Dormant.Cli.Reports;

/// <summary>
/// One bar of the activity chart: accounts whose last activity is From..To days old (To null: open
/// ended); both null is the "never" band of accounts with no activity on record.
/// </summary>
internal sealed record ActivityBand(string Label, int? From, int? To, int Accounts, int Inactive)
{
    public bool IsNever => From is null;
}
