using System.Text;

namespace Dormant.Cli.Infrastructure;

/// <summary>
/// A last line of defence: every line written to the console passes the redactor and, when it is text
/// for people, has any control character that reached it escaped (JSON on stdout is left exact).
/// </summary>
public sealed class RedactingWriter(TextWriter inner, SecretRedactor redactor, Func<bool> escapeControls) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n') FlushLine();
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        _line.Append(value);
        if (value.Contains('\n')) FlushLine();
    }

    public override void Flush()
    {
        FlushLine();
        inner.Flush();
    }

    private void FlushLine()
    {
        if (_line.Length == 0) return;
        var line = redactor.Redact(_line.ToString());
        inner.Write(escapeControls() ? Rendering.TerminalText.EscapeKeepingLayout(line) : line);
        _line.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
