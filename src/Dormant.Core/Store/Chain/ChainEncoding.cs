using System.Globalization;
using System.Text;

namespace Dormant.Core.Store.Chain;

/// <summary>
/// The canonical text of rows and keys, written so that any backend (and an auditor's script) can
/// recompute it from the stored column values alone. The rules are in docs/store-chain.md.
/// </summary>
public static class ChainEncoding
{
    /// <summary>
    /// A JSON object of the non-null columns, names in ordinal order, no whitespace. Null columns are left
    /// out so a column added later (null in old rows) does not change what old links covered.
    /// </summary>
    public static string Row(IEnumerable<KeyValuePair<string, object?>> columns)
    {
        var text = new StringBuilder("{");
        foreach (var (name, value) in columns.Where(c => c.Value is not null and not DBNull).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (text.Length > 1) text.Append(',');
            String(text, name);
            text.Append(':');
            Value(text, value);
        }

        return text.Append('}').ToString();
    }

    /// <summary>A JSON array of the key columns' values, in the store's declared order.</summary>
    public static string Key(IEnumerable<object?> values)
    {
        var text = new StringBuilder("[");
        foreach (var value in values)
        {
            if (text.Length > 1) text.Append(',');
            Value(text, value);
        }

        return text.Append(']').ToString();
    }

    private static void Value(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                text.Append("null");
                break;
            case string s:
                String(text, s);
                break;
            case long or int or short or byte:
                text.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append("{\"real\":\"").Append(d.ToString("R", CultureInfo.InvariantCulture)).Append("\"}");
                break;
            case byte[] b:
                text.Append("{\"blob\":\"").Append(Convert.ToBase64String(b)).Append("\"}");
                break;
            default:
                throw new ArgumentException($"a store column holds a {value.GetType().Name}, which the chain does not encode");
        }
    }

    /// <summary>Only the quote, the backslash and control characters are escaped (\u00xx); all else is literal UTF-8.</summary>
    private static void String(StringBuilder text, string s)
    {
        text.Append('"');
        foreach (var c in s)
        {
            if (c == '"' || c == '\\') text.Append('\\').Append(c);
            else if (c < 0x20) text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            else text.Append(c);
        }

        text.Append('"');
    }
}
