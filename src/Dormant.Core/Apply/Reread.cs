using Dormant.Core.Accounts;

namespace Dormant.Core.Apply;

/// <summary>An account as re-read (null when it no longer exists), or why it could not be read.</summary>
internal sealed record Reread(Account? Account, string? Failure);
