namespace Dormant.Simulators.DocSpace;

/// <summary>
/// One portal user as the simulator stores it. <see cref="Status"/> and <see cref="ActivationStatus"/>
/// are DocSpace's numbers (Active=1, Terminated=2, Pending=4; NotActivated=0, Activated=1, Pending=2);
/// <see cref="Type"/> is the EmployeeType name (Guest, User, RoomAdmin, DocSpaceAdmin).
/// </summary>
public sealed record DocSpaceSimUser
{
    public required Guid Id { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public required string Email { get; init; }
    public int Status { get; init; } = 1;
    public int ActivationStatus { get; init; } = 1;
    public string Type { get; init; } = "User";
    public bool IsOwner { get; init; }
    public bool IsLdap { get; init; }
    public IReadOnlyList<Guid> GroupIds { get; init; } = [];
    public required DateTimeOffset RegistrationDate { get; init; }
    public DateTimeOffset? TerminatedAt { get; init; }

    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Email;
    public bool IsGuest => Type == "Guest";
    public bool IsAdmin => IsOwner || Type == "DocSpaceAdmin";
}
