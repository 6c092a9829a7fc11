using Dormant.Core.Accounts;

namespace Dormant.Core.Apply;

/// <summary>An account whose intent is journaled, with what its write needs: the account as re-read, or its backup.</summary>
internal sealed record ReadyItem(RunItem Item, Account? Fresh = null, string? BackupJson = null);
