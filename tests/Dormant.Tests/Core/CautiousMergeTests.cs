using Dormant.Core.Accounts;
using Dormant.Core.Plans;
using Dormant.Core.Policy;

namespace Dormant.Tests.Core;

/// <summary>One account listed twice with different answers: act only if both would.</summary>
public sealed class CautiousMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static Decision D(Category c, int? daysAgo) =>
        new("u1", "u1@example.com", c, c.ToString(), daysAgo is { } d ? Now.AddDays(-d) : null, daysAgo, "test", AccountStatus.Active);

    [Theory]
    [InlineData(Category.Inactive, Category.Active, Category.Active)]
    [InlineData(Category.Active, Category.Inactive, Category.Active)]
    [InlineData(Category.Inactive, Category.Error, Category.Error)]
    [InlineData(Category.Protected, Category.Inactive, Category.Protected)]
    [InlineData(Category.Excluded, Category.Active, Category.Excluded)]
    public void A_decision_that_does_not_act_wins(Category first, Category second, Category kept)
    {
        Assert.Equal(kept, Scanner.Cautious(D(first, 400), D(second, 10)).Category);
    }

    [Fact]
    public void Of_two_inactive_answers_the_later_activity_is_kept()
    {
        Assert.Equal(Now.AddDays(-200), Scanner.Cautious(D(Category.Inactive, 400), D(Category.Inactive, 200)).LastActive);
        Assert.Equal(Now.AddDays(-200), Scanner.Cautious(D(Category.Inactive, 200), D(Category.Inactive, null)).LastActive);
    }
}
