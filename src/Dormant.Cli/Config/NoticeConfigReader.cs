using Dormant.Core.Errors;
using Dormant.Core.Notices;
using YamlDotNet.RepresentationModel;

namespace Dormant.Cli.Config;

/// <summary>Reads the 'notices:' section; its template files are read (and checked) with the config, relative to it.</summary>
internal static class NoticeConfigReader
{
    public static NoticeConfig Read(YamlReader r, YamlNode node)
    {
        const string key = "notices";
        var map = r.Map(node, key);
        foreach (var secret in new[] { "smtp-password", "slack-webhook" })
            if (r.Get(map, secret) is { } s)
                r.Problems.Add(r.Error(s, $"{key}.{secret}", $"secrets never go in the config file; set DORMANT_{secret.Replace('-', '_').ToUpperInvariant()} in the environment or .env").Message);
        r.OnlyKeys(map, key, "smtp-host", "smtp-port", "smtp-tls", "smtp-user", "smtp-from", "contact", "slack-timeout", "template", "html-template",
            "smtp-password", "slack-webhook");
        string? Str(string name) => r.Get(map, name) is { } n ? r.Try(() => r.Scalar(n, $"{key}.{name}")) : null;
        int? Int(string name) => r.Get(map, name) is { } n ? r.Try<int?>(() => r.Int(n, $"{key}.{name}")) : null;
        return new NoticeConfig
        {
            SmtpHost = Str("smtp-host"),
            SmtpPort = Int("smtp-port"),
            SmtpTls = Str("smtp-tls"),
            SmtpUser = Str("smtp-user"),
            SmtpFrom = Str("smtp-from"),
            Contact = Str("contact"),
            SlackTimeoutSeconds = Int("slack-timeout"),
            Template = r.Try(() => Template(r, map, key)),
        };
    }

    private static NoticeTemplate? Template(YamlReader r, YamlMappingNode map, string key)
    {
        string? File(string name)
        {
            if (r.Get(map, name) is not { } node) return null;
            // Relative to the config file, so the pair can be moved or run from anywhere together.
            var path = Path.GetFullPath(r.Scalar(node, $"{key}.{name}"), Path.GetDirectoryName(r.Path)!);
            try { return System.IO.File.ReadAllText(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw r.Error(node, $"{key}.{name}", $"cannot read {path}: {e.Message}");
            }
        }
        var text = File("template");
        var html = File("html-template");
        if (text is null && html is null) return null;
        return NoticeTemplate.From(text ?? NoticeTemplate.Default.Text, html, $"{r.Path}: {key}.template");
    }
}
