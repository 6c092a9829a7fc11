using System.Text;

namespace Dormant.Cli.Rendering;

/// <summary>Turns <see cref="Paint"/> marks into ANSI colour on a terminal, or drops them everywhere else.</summary>
public sealed class ColourWriter(TextWriter inner, Func<bool> colourOn) : TextWriter
{
    private bool _toneNext;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_toneNext)
        {
            _toneNext = false;
            if (colourOn()) inner.Write(Paint.Sgr(value));
        }
        else if (value == Paint.Open) _toneNext = true;
        else if (value == Paint.Close)
        {
            if (colourOn()) inner.Write("\u001b[0m");
        }
        else inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        if (!_toneNext && value.IndexOf(Paint.Open) < 0 && value.IndexOf(Paint.Close) < 0)
        {
            inner.Write(value);
            return;
        }
        foreach (var c in value) Write(c);
    }

    public override void Flush() => inner.Flush();
}
