namespace Dormant.Cli.Infrastructure;

/// <summary>Secrets registered once, redacted everywhere text leaves the process (plain and URL-escaped).</summary>
public sealed class SecretRedactor
{
    private readonly List<string> _secrets = [];

    public void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4) return;
        lock (_secrets)
        {
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret) })
                if (!_secrets.Contains(form)) _secrets.Add(form);
        }
    }

    public string Redact(string text)
    {
        lock (_secrets)
            foreach (var s in _secrets)
                text = text.Replace(s, "***", StringComparison.Ordinal);
        return text;
    }

    /// <summary>A short, recognisable form for start-up lines: the first characters only.</summary>
    public static string Hint(string value) => value.Length <= 8 ? "***" : value[..4] + "… (" + value.Length + " characters)";
}
