namespace Dormant.Simulators.DocSpace;

/// <summary>One login-history row: who, when, and which MessageAction (1000 LoginSuccess, 1006 Logout, …).</summary>
public sealed record DocSpaceSimLoginEvent(int Id, DateTimeOffset Date, Guid UserId, string User, string Login, int ActionId, string Ip, string Browser);
