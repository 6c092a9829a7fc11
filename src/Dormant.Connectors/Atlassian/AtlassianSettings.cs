namespace Dormant.Connectors.Atlassian;

public sealed record AtlassianSettings(string OrgId, string ApiKey)
{
    public const string DefaultBaseUrl = "https://api.atlassian.com";
}
