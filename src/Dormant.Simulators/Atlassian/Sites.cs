namespace Dormant.Simulators.Atlassian;

/// <summary>
/// The org's two cloud sites. Jira lives on the primary site; some users also use Confluence on the
/// second site, so one user can carry two "confluence" entries with different timestamps.
/// </summary>
internal sealed record Sites(string Primary, string Secondary);
