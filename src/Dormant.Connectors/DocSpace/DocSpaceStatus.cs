namespace Dormant.Connectors.DocSpace;

/// <summary>EmployeeStatus and EmployeeActivationStatus numbers (DS-SRC common/ASC.Core.Common/Core).</summary>
internal static class DocSpaceStatus
{
    public const int Active = 1;
    public const int Terminated = 2;
    public const int Pending = 4;

    public const int ActivationPending = 2;

    /// <summary>The route segment of PUT people/status/{status}; names and numbers are both accepted.</summary>
    public static string Route(int status) => status == Terminated ? "Terminated" : "Active";
}
