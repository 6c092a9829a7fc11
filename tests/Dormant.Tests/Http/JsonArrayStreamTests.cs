using System.Text;
using System.Text.Json;
using Dormant.Connectors.Http;

namespace Dormant.Tests.Http;

public sealed class JsonArrayStreamTests
{
    /// <summary>Hands out a few bytes per read, so every item and token is split across reads somewhere.</summary>
    private sealed class Trickle(byte[] data, int seed) : MemoryStream(data)
    {
        private readonly Random _rng = new(seed);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, _rng.Next(1, 8))], ct);
    }

    private static async Task<List<string>> ReadAsync(string json, string property, int seed = 1)
    {
        var list = new List<string>();
        await foreach (var s in JsonArrayStream.ReadAsync(new Trickle(Encoding.UTF8.GetBytes(json), seed), property,
                           b => Encoding.UTF8.GetString(b), CancellationToken.None))
            list.Add(s);
        return list;
    }

    [Fact]
    public async Task Items_come_back_byte_for_byte_whatever_the_other_properties_hold()
    {
        var json = """{"ok":true,"meta":{"entities":[{"no":1}]},"entities":[{"a":"x\u0041","b":[1,{"c":null}]}, {"e":"ü@+"} ,3,"s"],"after":[1]}""";
        for (var seed = 1; seed <= 20; seed++)
            Assert.Equal(["""{"a":"x\u0041","b":[1,{"c":null}]}""", """{"e":"ü@+"}""", "3", "\"s\""], await ReadAsync(json, "entities", seed));
    }

    [Fact]
    public async Task An_item_larger_than_the_buffer_is_read_whole()
    {
        var big = new string('x', 200_000);
        var items = await ReadAsync($$"""{"users":[{"id":"{{big}}"},{"id":"y"}]}""", "users");
        Assert.Equal(2, items.Count);
        Assert.Equal(200_009, items[0].Length); // {"id":"…"}
    }

    [Fact]
    public async Task A_missing_list_or_a_cut_off_answer_is_an_error_not_an_empty_list()
    {
        await Assert.ThrowsAsync<JsonException>(() => ReadAsync("""{"ok":true,"users":[]}""", "entities"));
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAsync("""{"ok":true,"entities":[{"a":1},{"b":""", "entities"));
        Assert.Empty(await ReadAsync("""{"entities":[]}""", "entities"));
    }
}
