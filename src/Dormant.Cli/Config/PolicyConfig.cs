namespace Dormant.Cli.Config;

/// <summary>Policy values from the config file; null means "not set here".</summary>
public sealed record PolicyConfig
{
    public string? Preset { get; init; }
    public int? InactiveDays { get; init; }
    public string? Product { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public int? MaxActions { get; init; }
    public double? MaxSharePercent { get; init; }
    /// <summary>Licence cost per account per month, for the reclaimed-cost line of reports.</summary>
    public decimal? SeatPrice { get; init; }
    public int? NoticeDays { get; init; }
    public Dormant.Core.Notices.NoticeChannels? Notify { get; init; }
    public int? Approvals { get; init; }

    /// <summary>Tenant values win over the defaults; exclusions add up.</summary>
    public PolicyConfig Over(PolicyConfig defaults) => new()
    {
        Preset = Preset ?? defaults.Preset,
        InactiveDays = InactiveDays ?? defaults.InactiveDays,
        Product = Product ?? defaults.Product,
        Action = Action ?? defaults.Action,
        Exclude = [.. defaults.Exclude, .. Exclude],
        MaxActions = MaxActions ?? defaults.MaxActions,
        MaxSharePercent = MaxSharePercent ?? defaults.MaxSharePercent,
        SeatPrice = SeatPrice ?? defaults.SeatPrice,
        NoticeDays = NoticeDays ?? defaults.NoticeDays,
        Notify = Notify ?? defaults.Notify,
        Approvals = Approvals ?? defaults.Approvals,
    };
}
