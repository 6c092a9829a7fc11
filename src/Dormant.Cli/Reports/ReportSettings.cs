namespace Dormant.Cli.Reports;

/// <summary>What a report needs besides the store: the seat price (optional) and the clock for "generated at".</summary>
internal sealed record ReportSettings
{
    public static readonly ReportSettings Default = new();

    /// <summary>Licence price of one account per month; null when none is configured (no cost shown).</summary>
    public decimal? SeatPricePerMonth { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
