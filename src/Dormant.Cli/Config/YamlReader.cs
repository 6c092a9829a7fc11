using System.Globalization;
using Dormant.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace Dormant.Cli.Config;

/// <summary>Typed reads of YAML nodes whose errors carry file, line and key.</summary>
internal sealed class YamlReader(string path)
{
    public string Path => path;

    public UsageException Error(YamlNode node, string key, string message) =>
        new($"{path}:{node.Start.Line}: {(key.Length == 0 ? "" : key + ": ")}{message}");

    public YamlMappingNode Map(YamlNode node, string key) =>
        node as YamlMappingNode ?? throw Error(node, key, "expected a mapping of keys to values");

    public YamlNode? Get(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var v) ? v : null;

    /// <summary>Problems found so far; reading goes on past each so the file's every error is told at once.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Runs one independent read; its error is kept and the fallback returned.</summary>
    public T? Try<T>(Func<T> read, T? fallback = default)
    {
        try { return read(); }
        catch (UsageException e) { Problems.Add(e.Message); }
        catch (ConfigErrors e) { Problems.AddRange(e.Lines); }
        return fallback;
    }

    public void OnlyKeys(YamlMappingNode map, string key, params string[] allowed)
    {
        foreach (var k in map.Children.Keys)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
                Problems.Add(Error(k, key.Length == 0 ? name : $"{key}.{name}", $"unknown key; expected one of: {string.Join(", ", allowed)}").Message);
        }
    }

    public string Scalar(YamlNode node, string key) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(node, key, "expected a single value");

    public int Int(YamlNode node, string key) =>
        int.TryParse(Scalar(node, key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n : throw Error(node, key, $"expected a whole number, got '{Scalar(node, key)}'");

    public double Number(YamlNode node, string key) =>
        double.TryParse(Scalar(node, key), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n : throw Error(node, key, $"expected a number, got '{Scalar(node, key)}'");

    public IReadOnlyList<string> List(YamlNode node, string key) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select((c, i) => Scalar(c, $"{key}[{i}]")).ToList(),
        YamlScalarNode s => [Scalar(s, key)],
        _ => throw Error(node, key, "expected a list"),
    };
}
