namespace Dormant.Simulators.Atlassian;

/// <summary>Page sizes: default 50 (JIRAJS "Defaults to 50"), at most 100; outside 1..max is a 400, not clamped.</summary>
internal static class AtlassianLimits
{
    public static int Check(int? limit, AtlassianTenant tenant)
    {
        var value = limit ?? tenant.PageSizeDefault;
        return value >= 1 && value <= tenant.PageSizeMax
            ? value
            : throw new AtlassianBadRequestException($"limit must be between 1 and {tenant.PageSizeMax}");
    }
}
