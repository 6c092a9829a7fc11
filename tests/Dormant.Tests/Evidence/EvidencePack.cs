using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Dormant.Tests.Evidence;

/// <summary>An unpacked evidence zip: its raw bytes and each file's content.</summary>
internal sealed record EvidencePack(byte[] Zip, IReadOnlyDictionary<string, byte[]> Files)
{
    public static EvidencePack Open(string path)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = ZipFile.OpenRead(path))
            foreach (var entry in zip.Entries)
            {
                using var body = entry.Open();
                using var copy = new MemoryStream();
                body.CopyTo(copy);
                files.Add(entry.FullName, copy.ToArray());
            }
        return new EvidencePack(File.ReadAllBytes(path), files);
    }

    public string Text(string name) => Encoding.UTF8.GetString(Files[name]);

    public JsonObject Json(string name) => JsonNode.Parse(Files[name])!.AsObject();
}
