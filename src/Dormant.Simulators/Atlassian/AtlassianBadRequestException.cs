namespace Dormant.Simulators.Atlassian;

/// <summary>A request the documented contract refuses; the endpoint answers 400 ADMIN-UAM-400-1 with its message.</summary>
internal sealed class AtlassianBadRequestException(string message) : Exception(message);
