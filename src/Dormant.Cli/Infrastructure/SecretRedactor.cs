using Dormant.Connectors.Http;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// The CLI's view of the invocation's <see cref="SecretRegistry"/>: configured secrets go in here,
/// connectors add the tokens they obtain, and everything that leaves the process is redacted by it.
/// </summary>
public sealed class SecretRedactor(SecretRegistry registry)
{
    public void Register(string? secret) => registry.Add(secret);

    public string Redact(string text) => registry.Redact(text);

    /// <summary>A short, recognisable form for start-up lines: the first characters only.</summary>
    public static string Hint(string value) => value.Length <= 8 ? "***" : value[..4] + "… (" + value.Length + " characters)";
}
