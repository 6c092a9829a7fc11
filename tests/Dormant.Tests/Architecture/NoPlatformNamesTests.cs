using System.Text.RegularExpressions;
using Dormant.Connectors;
using Dormant.Tests.Support;

namespace Dormant.Tests.Architecture;

/// <summary>
/// Core, the store and the CLI name no platform and speak no platform's words: a platform is its
/// folder under Connectors (and Simulators), and everything else learns about it from its
/// definition. The names are the catalog's, so a new platform is checked the day it is added.
/// </summary>
public sealed class NoPlatformNamesTests
{
    private static readonly string[] s_folders = ["src/Dormant.Core", "src/Dormant.Store.Sqlite", "src/Dormant.Store.Postgres", "src/Dormant.Cli"];

    /// <summary>Products and vendor domains that name a platform without being its catalog name.</summary>
    private static readonly string[] s_productWords = ["jira", "confluence", "bitbucket", "github", "onlyoffice", "getport"];

    /// <summary>
    /// Catalog names that are also ordinary English words Dormant's own code uses (a TCP port, in
    /// `simulate --port`). For these the vendor is told apart by how a name is written — see <see cref="OrdinaryWordRules"/>.
    /// </summary>
    private static readonly string[] s_ordinaryWords = ["port"];

    /// <summary>Vendor status words that are not any action's past tense (DocSpace's API says Terminated for disabled).</summary>
    private static readonly string[] s_vendorStatusWords = ["terminated"];

    [Fact]
    public void Core_store_and_cli_name_no_platform_in_code_comments_or_text()
    {
        var found = Files().SelectMany(f => PlatformNames(f.Path, f.Pieces)).ToList();
        Assert.True(found.Count == 0, "platform names outside the platforms' folders:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Core_store_and_cli_hold_no_action_or_status_word_of_a_platform_in_their_strings()
    {
        var found = Files().SelectMany(f => ActionWords(f.Path, f.Pieces)).ToList();
        Assert.True(found.Count == 0, "a platform's action words in a string (take them from its PlatformAction or PlatformWords):\n" + string.Join('\n', found));
    }

    [Fact]
    public void The_matcher_catches_each_way_a_platform_is_named_and_leaves_a_tcp_port_alone()
    {
        // Given source that names the vendor in every way the rules know, and a TCP port that names nothing
        const string named = """
            using Dormant.Connectors.Port;
            var d = new Port.PortDefinition();       // the namespace and a type
            var e = ctx.Variable("PORT_CLIENT_ID");
            string[] a = ["scan", "-c", "port"];
            var help = "dormant run -c port --no-dry-run";
            // named as the Port seed names it; Port's status
            var x = "atlassian"; // Jira or confluence
            var done = $"{n} accounts suspended";
            var gone = "delete";
            """;
        const string innocent = """
            var p = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free one)" };
            var busy = $"port {sim.Port} on 127.0.0.1 is in use; pick another with --port";
            var url = uri.Port; // the report's support for import and export
            var sql = "DELETE FROM decisions";
            """;

        // When both are checked
        var hits = PlatformNames("named.cs", CSharpText.Split(named)).Concat(ActionWords("named.cs", CSharpText.Split(named))).ToList();
        var none = PlatformNames("innocent.cs", CSharpText.Split(innocent)).Concat(ActionWords("innocent.cs", CSharpText.Split(innocent))).ToList();

        // Then every line of the first is caught, and nothing of the second
        Assert.Equal(Enumerable.Range(1, 9).ToList(), hits.Select(h => int.Parse(h.Split(':')[1])).Distinct().Order().ToList());
        Assert.True(none.Count == 0, string.Join('\n', none));
    }

    private static IEnumerable<(string Path, IReadOnlyList<TextPiece> Pieces)> Files()
    {
        var root = Repo.Root;
        foreach (var folder in s_folders)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/obj/") || relative.Contains("/bin/")) continue;
                yield return (relative, CSharpText.Split(File.ReadAllText(file)));
            }
    }

    private static IEnumerable<string> PlatformNames(string path, IReadOnlyList<TextPiece> pieces)
    {
        var names = PlatformCatalog.All.Select(p => p.Platform.ToLowerInvariant()).Concat(s_productWords).Distinct().ToList();
        // A distinctive name is caught in any case and inside any identifier: DocSpaceMapper, DOCSPACE_API_KEY.
        var distinctive = names.Where(n => !s_ordinaryWords.Contains(n))
            .Select(n => new Regex(Regex.Escape(n), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
        var ordinary = names.Where(s_ordinaryWords.Contains).ToList();
        foreach (var piece in pieces)
        {
            foreach (var rule in distinctive.Concat(ordinary.SelectMany(n => OrdinaryWordRules(n, piece.Kind))))
                if (rule.Match(piece.Text) is { Success: true } m)
                    yield return Hit(path, piece, m);
        }
    }

    /// <summary>
    /// How an ordinary word is recognised as the vendor's name: as an identifier (<c>PortConnector</c>,
    /// <c>Port.</c> not after a dot, so <c>uri.Port</c> is fine, and the platform's namespace), as the vendor's variables
    /// (<c>PORT_</c>), as a proper noun (capitalised after a lower-case word, or possessive: "the Port seed",
    /// "Port's"), and in strings as the value a platform flag takes (<c>"port"</c> alone, <c>-c port</c>).
    /// A sentence that starts with "Port on 127.0.0.1" or says "port 8080" is a TCP port and passes.
    /// </summary>
    private static IEnumerable<Regex> OrdinaryWordRules(string name, TextKind kind)
    {
        var cap = char.ToUpperInvariant(name[0]) + name[1..];
        var upper = name.ToUpperInvariant();
        var e = Regex.Escape(name);
        var c = Regex.Escape(cap);
        yield return new Regex($@"\b{c}[A-Z]\w*");
        yield return new Regex($@"\b{Regex.Escape(upper)}_");
        if (kind == TextKind.Code)
        {
            yield return new Regex($@"(?<![.\w]){c}\.\w");
            yield return new Regex($@"\b(?:using\s+[\w.]*|Connectors\.|Simulators\.){c}\b");
            yield break;
        }
        yield return new Regex($@"(?<=[a-z,;:)] ){c}\b");
        yield return new Regex($@"\b{c}'s\b");
        if (kind == TextKind.Literal)
        {
            yield return new Regex($"^{e}$");
            yield return new Regex($@"(?:^|\s)(?:-c|--connector|-p|--platform)[ =]{e}\b");
        }
    }

    /// <summary>Whole lower-case words in string text only: a comment may explain an action, a message must take its words from the platform.</summary>
    private static IEnumerable<string> ActionWords(string path, IReadOnlyList<TextPiece> pieces)
    {
        var words = PlatformCatalog.All.SelectMany(p => p.Actions).SelectMany(a => new[] { a.Name, a.PastTense })
            .Concat(PlatformCatalog.All.Select(p => p.Words.Inactive)).Concat(s_vendorStatusWords).Distinct().ToList();
        // A flag of Dormant's own (keep --remove) is no platform's action.
        var rule = new Regex($@"(?<!-)\b(?:{string.Join('|', words.Select(Regex.Escape))})\b", RegexOptions.CultureInvariant);
        foreach (var piece in pieces.Where(p => p.Kind == TextKind.Literal))
            if (rule.Match(piece.Text) is { Success: true } m)
                yield return Hit(path, piece, m);
    }

    private static string Hit(string path, TextPiece piece, Match m)
    {
        var line = piece.Line + piece.Text[..m.Index].Count(ch => ch == '\n');
        var text = piece.Text.Split('\n')[piece.Text[..m.Index].Count(ch => ch == '\n')].Trim();
        return $"{path}:{line}: '{m.Value}' in {piece.Kind.ToString().ToLowerInvariant()}: {text}";
    }
}
