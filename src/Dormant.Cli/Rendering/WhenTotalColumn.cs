using Spectre.Console;
using Spectre.Console.Rendering;

namespace Dormant.Cli.Rendering;

/// <summary>
/// Shows its column only while the task's total is known (or only while it is not), so one set of
/// columns serves a listing that learns its total from the vendor's first page: a spinner first,
/// then bar, percentage and time left, never a percentage of a guess.
/// </summary>
internal sealed class WhenTotalColumn(ProgressColumn inner, bool known) : ProgressColumn
{
    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        task.IsIndeterminate != known ? inner.Render(options, task, deltaTime) : Text.Empty;
}
