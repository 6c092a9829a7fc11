using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dormant.Cli.Rendering;

/// <summary>"n/N" once the total is known, else "n accounts, r/s": a live count, never a bar stuck at 0%.</summary>
internal sealed class CountColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var n = (int)task.Value;
        var text = !task.IsIndeterminate
            ? string.Create(CultureInfo.InvariantCulture, $"{n:N0}/{(int)task.MaxValue:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"{n:N0} accounts") + ProgressText.Rate(n, task.ElapsedTime ?? TimeSpan.Zero);
        return new Text(text);
    }
}
