namespace Dormant.Core.Policy;

public enum Category
{
    Active,
    /// <summary>Will be acted on.</summary>
    Inactive,
    NoActivityData,
    AlreadyInactive,
    /// <summary>On the user's own exclusion list.</summary>
    Excluded,
    /// <summary>Owners, admins, the caller, service accounts: never acted on unless the policy names them.</summary>
    Protected,
    Error,
}
