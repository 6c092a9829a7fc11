namespace Dormant.Connectors.GitHub;

/// <summary>Which organization a connection reaches: its configured login, and its identity as GitHub states it.</summary>
internal sealed class GitHubOrg(GitHubClient client, Uri baseUrl, string target)
{
    private string? _callerLogin;

    /// <summary>
    /// The login, the host when it is not github.com (a GitHub Enterprise Server), and the target: a
    /// plan of seats and a plan of members name the same logins, so applying one with the other
    /// target must be refused as another tenant, not read as the accounts having changed.
    /// </summary>
    public string Tenant => (baseUrl.Host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase) ? client.Org : $"{client.Org}@{baseUrl.Authority}")
        + $" ({target})";

    /// <summary>The target a <see cref="Tenant"/> names; null for a name this version did not write.</summary>
    public static string? TargetOf(string tenant) =>
        tenant.EndsWith(')') && tenant.LastIndexOf(" (", StringComparison.Ordinal) is var open and >= 0 ? tenant[(open + 2)..^1] : null;

    /// <summary>The numeric id survives renaming the organization; the host tells one GHES from another.</summary>
    public async Task<string> IdentifyAsync(CancellationToken ct)
    {
        var (login, id) = await client.OrganizationAsync(ct);
        return $"organization {login} (id {id}) on {baseUrl.Authority}";
    }

    public async Task<string> CallerAsync(CancellationToken ct) => _callerLogin ??= (await client.MeAsync(ct)).Login;
}
