using Dormant.Core.Accounts;

namespace Dormant.Core.Plans;

/// <summary>The account as it was when the plan was made; apply skips it if it no longer looks like this.</summary>
public sealed record SeenState(AccountStatus Status, DateTimeOffset? LastActive);
