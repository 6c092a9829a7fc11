namespace Dormant.Core.Accounts;

/// <summary>Why an account could not be read completely; the policy turns it into the "error" category.</summary>
public sealed record ReadError(string Message);
