using Dormant.Core.Store.Chain;

namespace Dormant.Tests.Chain;

/// <summary>
/// The worked example of docs/store-chain.md, whose digests were computed with Python's hashlib from the
/// documented rules alone: another backend, or an auditor's script, gets the same bytes.
/// </summary>
public sealed class EncodingTests
{
    private static readonly KeyValuePair<string, object?>[] s_row =
    [
        new("seq", 45L), new("run_id", null), new("account_id", "a@x"), new("detail", "say \"hi\"\né"), new("at", "2026-01-02T03:04:05.0000000Z"),
    ];

    [Fact]
    public void A_row_is_its_non_null_columns_in_name_order_with_minimal_escapes()
    {
        Assert.Equal("""{"account_id":"a@x","at":"2026-01-02T03:04:05.0000000Z","detail":"say \"hi\"\u000aé","seq":45}""", ChainEncoding.Row(s_row));
        Assert.Equal("""[45]""", ChainEncoding.Key([45L]));
        Assert.Equal("""["R-1","a@x"]""", ChainEncoding.Key(["R-1", "a@x"]));
    }

    [Fact]
    public void Content_and_link_hashes_match_the_documented_example()
    {
        using var content = new ChainContent();
        content.Add(s_row);
        var digest = content.Digest();

        Assert.Equal("f36edf4fddd8165af5cbac21c9cf5eac8c37033c928ab4b0093ef4a52e11158d", digest);
        Assert.Equal("379cd9c42afb3b89142e17e8048d3298984b16a87caff0f203f7545c30852f37", ChainHasher.Link(ChainHasher.Genesis, "journal", "[45]", digest));
    }

    [Fact]
    public void A_value_that_changes_type_changes_the_row()
    {
        Assert.NotEqual(ChainEncoding.Row([new("seq", 45L)]), ChainEncoding.Row([new("seq", "45")]));
    }
}
