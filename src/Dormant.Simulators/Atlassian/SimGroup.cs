namespace Dormant.Simulators.Atlassian;

/// <summary>A group membership as the v2 search shows it with expand=groups (JIRAJS multiDirectoryUserGroup).</summary>
public sealed record SimGroup(string Id, string Name);
