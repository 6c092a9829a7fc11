using System.Text;

namespace Dormant.Tests.Architecture;

internal enum TextKind
{
    Code,
    Comment,
    Literal,
}

/// <summary>One stretch of a source file: code, a comment, or the text of a string literal.</summary>
internal sealed record TextPiece(TextKind Kind, int Line, string Text);

/// <summary>
/// Splits C# source into code, comments and string-literal text, enough to tell a word in a
/// message from the same letters in an identifier: regular, verbatim, raw and interpolated
/// strings (the holes of an interpolation are code again), char literals, line and block comments.
/// </summary>
internal sealed class CSharpText
{
    private readonly string _s;
    private readonly List<TextPiece> _pieces = [];
    private int _i;
    private int _line = 1;

    private CSharpText(string source) => _s = source;

    public static IReadOnlyList<TextPiece> Split(string source)
    {
        var text = new CSharpText(source);
        text.Code(untilBrace: false);
        return text._pieces;
    }

    private char At(int offset = 0) => _i + offset < _s.Length ? _s[_i + offset] : '\0';

    private void Code(bool untilBrace)
    {
        var code = new StringBuilder();
        var start = _line;
        var depth = 0;
        void Flush()
        {
            if (code.Length > 0) _pieces.Add(new TextPiece(TextKind.Code, start, code.ToString()));
            code.Clear();
            start = _line;
        }
        while (_i < _s.Length)
        {
            var c = At();
            if (c == '/' && At(1) == '/') { Flush(); Comment(block: false); start = _line; continue; }
            if (c == '/' && At(1) == '*') { Flush(); Comment(block: true); start = _line; continue; }
            if (StringStart() is { } kind) { Flush(); Literal(kind); start = _line; continue; }
            if (c == '\'') { CharLiteral(code); continue; }
            if (untilBrace && c == '{') depth++;
            if (untilBrace && c == '}' && depth-- == 0) { Flush(); _i++; return; }
            if (c == '\n') _line++;
            code.Append(c);
            _i++;
        }
        Flush();
    }

    private void Comment(bool block)
    {
        var start = _line;
        var end = block ? _s.IndexOf("*/", _i + 2, StringComparison.Ordinal) : _s.IndexOf('\n', _i);
        end = end < 0 ? _s.Length : block ? end + 2 : end;
        var text = _s[_i..end];
        _line += text.Count(ch => ch == '\n');
        _pieces.Add(new TextPiece(TextKind.Comment, start, text));
        _i = end;
    }

    private void CharLiteral(StringBuilder code)
    {
        // 'x', '\'', '\u0041': taken whole so a quote inside never opens a string.
        var end = _i + 1;
        if (At(1) == '\\') end++;
        end = _s.IndexOf('\'', end + 1);
        end = end < 0 ? _s.Length : end + 1;
        code.Append(_s, _i, end - _i);
        _i = end;
    }

    private sealed record Opening(int Prefix, int Quotes, bool Interpolated, bool Verbatim);

    /// <summary>Whether a string literal starts here, and which kind.</summary>
    private Opening? StringStart()
    {
        var j = _i;
        var dollars = 0;
        var verbatim = false;
        while (j < _s.Length && (_s[j] == '$' || _s[j] == '@'))
        {
            if (_s[j] == '$') dollars++;
            else verbatim = true;
            j++;
        }
        if (j >= _s.Length || _s[j] != '"') return null;
        // An identifier char before a $ or @ means it is not a prefix (e.g. x$ is not C#, but be safe).
        if (j > _i && _i > 0 && (char.IsLetterOrDigit(_s[_i - 1]) || _s[_i - 1] == '_')) return null;
        var quotes = 0;
        while (j + quotes < _s.Length && _s[j + quotes] == '"') quotes++;
        // "" is an empty regular string, """ or more opens a raw one.
        quotes = quotes >= 3 ? quotes : 1;
        return new Opening(j - _i, quotes, dollars > 0, verbatim);
    }

    private void Literal(Opening o)
    {
        _i += o.Prefix + o.Quotes;
        var text = new StringBuilder();
        var start = _line;
        void Flush()
        {
            _pieces.Add(new TextPiece(TextKind.Literal, start, text.ToString()));
            text.Clear();
            start = _line;
        }
        while (_i < _s.Length)
        {
            var c = At();
            if (o.Quotes >= 3 && _s.AsSpan(_i).StartsWith(new string('"', o.Quotes))) { _i += o.Quotes; break; }
            if (o.Quotes == 1 && c == '"')
            {
                if (o.Verbatim && At(1) == '"') { text.Append('"'); _i += 2; continue; }
                _i++;
                break;
            }
            if (o.Quotes == 1 && !o.Verbatim && c == '\\') { text.Append(c).Append(At(1)); _i += 2; continue; }
            if (o.Interpolated && c == '{')
            {
                if (At(1) == '{' && o.Quotes == 1) { text.Append('{'); _i += 2; continue; }
                Flush();
                _i++;
                Code(untilBrace: true);
                start = _line;
                continue;
            }
            if (c == '\n') _line++;
            text.Append(c);
            _i++;
        }
        Flush();
    }
}
