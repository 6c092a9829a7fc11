using System.Text;

namespace Dormant.Connectors.Http;

/// <summary>
/// Every credential the process holds or obtains (configured keys and secrets, access tokens fetched
/// at run time), and the one place that redacts them. A vendor may echo a credential in any form it
/// was sent or stored in, so each is matched raw, JSON-escaped (any character as \uXXXX, \/ and the
/// short escapes), URL-encoded (either case, + for space) or HTML-escaped, character by character,
/// and also as its base64 (alone, or inside Basic auth's base64 of user:secret).
/// </summary>
public sealed class SecretRegistry
{
    public const string Mask = "***";

    // Shorter values would mask ordinary words; no credential of the three vendors is that short.
    private const int MinLength = 4;

    // The part of a base64 run that only the secret's bytes decide is masked when at least this long;
    // shorter fragments would mask unrelated base64 text.
    private const int MinBase64Core = 8;

    private static readonly SecretRegistry s_process = new();
    private static readonly AsyncLocal<SecretRegistry?> s_scope = new();

    private readonly Lock _lock = new();
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private string[] _forms = [];

    /// <summary>The registry of this invocation: the process-wide one unless a scope was begun.</summary>
    public static SecretRegistry Current => s_scope.Value ?? s_process;

    /// <summary>
    /// A fresh registry for the calling flow and everything it starts (one CLI invocation), so many
    /// invocations in one process (the tests) neither share secrets nor grow one list without end.
    /// </summary>
    public static SecretRegistry BeginScope() => s_scope.Value = new SecretRegistry();

    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < MinLength) return;
        lock (_lock)
        {
            if (!_secrets.Add(secret)) return;
            // Longest first, so a secret that contains another is masked whole.
            _forms = [.. _forms.Concat(FormsOf(secret)).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];
        }
    }

    public string Redact(string text)
    {
        var forms = _forms;
        if (forms.Length == 0 || text.Length == 0) return text;
        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i < text.Length;)
        {
            var end = LongestMatch(text, i, forms);
            if (end < 0)
            {
                i++;
                continue;
            }
            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, i - copied).Append(Mask);
            copied = i = end;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private static int LongestMatch(string text, int at, string[] forms)
    {
        var c = text[at];
        var escaped = c is '\\' or '%' or '&' or '+';
        foreach (var form in forms)
        {
            if (!escaped && c != form[0]) continue;
            var end = EncodedText.MatchAt(text, at, form);
            if (end > 0) return end;
        }
        return -1;
    }

    private static IEnumerable<string> FormsOf(string secret)
    {
        yield return secret;
        var bytes = Encoding.UTF8.GetBytes(secret);
        var whole = Convert.ToBase64String(bytes);
        foreach (var b64 in new[] { whole, whole.TrimEnd('=') })
        {
            yield return b64;
            yield return B64Url(b64);
        }
        // Basic auth sends base64("user:" + secret): the secret starts at any offset mod 3, and the
        // characters only its bytes decide are the same whatever surrounds it.
        for (var lead = 0; lead <= 2; lead++)
        {
            var padded = Convert.ToBase64String([.. new byte[lead], .. bytes]);
            var core = padded[((lead * 8 + 5) / 6)..((lead + bytes.Length) * 8 / 6)];
            if (core.Length < MinBase64Core) continue;
            yield return core;
            yield return B64Url(core);
        }
    }

    private static string B64Url(string b64) => b64.Replace('+', '-').Replace('/', '_');
}
