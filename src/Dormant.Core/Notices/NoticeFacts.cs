namespace Dormant.Core.Notices;

/// <summary>What one notice tells its reader; every value may come from the vendor, so templates escape them for HTML.</summary>
public sealed record NoticeFacts(string Name, string Account, string Platform, string Tenant, string Action, DateOnly Date,
    int InactiveDays, string Contact, string Reason)
{
    public IReadOnlyDictionary<string, string> Values() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = Name,
        ["account"] = Account,
        ["platform"] = Platform,
        ["tenant"] = Tenant,
        ["action"] = Action,
        ["date"] = Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["days"] = InactiveDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["contact"] = Contact,
        ["reason"] = Reason,
    };

    public static IReadOnlyCollection<string> Placeholders { get; } =
        ["name", "account", "platform", "tenant", "action", "date", "days", "contact", "reason"];
}
