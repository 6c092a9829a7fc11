using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Dormant.Connectors.Http;

/// <summary>
/// Reads the items of one array property of a JSON object (e.g. "entities" in {"ok":true,
/// "entities":[…]}) from a stream, one item at a time, so an answer with 100,000 items is never
/// held whole: not as a string, not as a document. Each item comes with its exact bytes, as a span
/// into the read buffer (valid during the call only), so no item is copied before it is read.
/// </summary>
public static class JsonArrayStream
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(Stream stream, string property, Func<ReadOnlySpan<byte>, T> item,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var cursor = new Cursor(Encoding.UTF8.GetBytes(property));
        var filled = 0;
        var final = false;
        var found = new List<T>();
        try
        {
            while (!cursor.Done)
            {
                if (!final)
                {
                    if (filled == buffer.Length) Grow(ref buffer, filled);
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
                    filled += read;
                    final = read == 0;
                }
                var consumed = cursor.Advance(buffer.AsSpan(0, filled), final, item, found);
                foreach (var t in found) yield return t;
                found.Clear();
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (final && !cursor.Done)
                    throw new JsonException(cursor.Found ? "the JSON ended inside the array" : $"the answer holds no '{property}' list");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Grow(ref byte[] buffer, int filled)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = bigger;
    }

    /// <summary>Where the reader is between buffers: its state, and whether it is inside the wanted array.</summary>
    private sealed class Cursor(byte[] property)
    {
        private JsonReaderState _state;
        private bool _nextIsWanted;
        private bool _inArray;

        public bool Found { get; private set; }
        public bool Done { get; private set; }

        /// <summary>Reads what the buffer holds; adds each complete item; returns how many bytes are finished with.</summary>
        public int Advance<T>(ReadOnlySpan<byte> data, bool final, Func<ReadOnlySpan<byte>, T> item, List<T> found)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            while (true)
            {
                var (before, beforeConsumed) = (reader.CurrentState, reader.BytesConsumed);
                if (!reader.Read()) break;
                if (_inArray)
                {
                    if (reader.TokenType == JsonTokenType.EndArray) { Done = true; return (int)reader.BytesConsumed; }
                    var start = (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    {
                        // The item is not all here yet: give it back and wait for more bytes.
                        _state = before;
                        return (int)beforeConsumed;
                    }
                    found.Add(item(data[start..(int)reader.BytesConsumed]));
                    continue;
                }
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                    _nextIsWanted = reader.ValueTextEquals(property);
                else if (_nextIsWanted && reader.CurrentDepth == 1)
                {
                    _nextIsWanted = false;
                    if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("the list is not an array");
                    (_inArray, Found) = (true, true);
                }
            }
            _state = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }
    }
}
