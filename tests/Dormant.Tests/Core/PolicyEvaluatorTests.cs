using Dormant.Core.Accounts;
using Dormant.Core.Policy;
using Microsoft.Extensions.Time.Testing;

namespace Dormant.Tests.Core;

public sealed class PolicyEvaluatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private static DateTimeOffset Now => Clock.GetUtcNow();
    private static readonly PolicyRules Rules = new() { Product = "confluence", InactiveDays = 180 };

    private static Account Person(string id, params ActivityEvidence[] evidence) => new()
    {
        Id = id, Email = id + "@corp.example", DisplayName = "Person " + id, Status = AccountStatus.Active, Evidence = evidence,
        CreatedAt = Now.AddYears(-3),
    };

    private static ActivityEvidence Confluence(DateTimeOffset? at, string site = "site-1") => new("last-active", "confluence", "test", at, site);

    private static Decision Decide(Account a, PolicyRules? rules = null) => new PolicyEvaluator(rules ?? Rules).Evaluate(a, Now);

    [Fact]
    public void Recent_activity_is_active_with_a_reason()
    {
        var d = Decide(Person("a", Confluence(Now.AddDays(-10))));
        Assert.Equal(Category.Active, d.Category);
        Assert.Equal(10, d.DaysInactive);
        Assert.Contains("within 180", d.Reason);
    }

    [Fact]
    public void Old_activity_is_inactive()
    {
        var d = Decide(Person("a", Confluence(Now.AddDays(-400))));
        Assert.Equal(Category.Inactive, d.Category);
        Assert.Equal(400, d.DaysInactive);
        Assert.Contains("more than 180", d.Reason);
    }

    [Fact]
    public void Exactly_the_threshold_is_not_yet_inactive_but_one_second_more_is()
    {
        Assert.Equal(Category.Active, Decide(Person("a", Confluence(Now.AddDays(-180)))).Category);
        Assert.Equal(Category.Inactive, Decide(Person("a", Confluence(Now.AddDays(-180).AddSeconds(-1)))).Category);
    }

    [Fact]
    public void Inclusive_threshold_makes_exactly_n_days_inactive()
    {
        var rules = Rules with { InclusiveThreshold = true };
        Assert.Equal(Category.Inactive, Decide(Person("a", Confluence(Now.AddDays(-180))), rules).Category);
        Assert.Equal(Category.Active, Decide(Person("a", Confluence(Now.AddDays(-180).AddSeconds(1))), rules).Category);
    }

    [Fact]
    public void Several_sites_of_one_product_count_by_the_latest()
    {
        var d = Decide(Person("a", Confluence(Now.AddDays(-500), "site-1"), Confluence(Now.AddDays(-3), "site-2"), Confluence(null, "site-3")));
        Assert.Equal(Category.Active, d.Category);
        Assert.Equal(Now.AddDays(-3), d.LastActive);
    }

    [Fact]
    public void Activity_in_another_product_does_not_count()
    {
        var jiraOnly = Person("a", new ActivityEvidence("last-active", "jira-software", "test", Now.AddDays(-1)), Confluence(Now.AddDays(-300)));
        Assert.Equal(Category.Inactive, Decide(jiraOnly).Category);
        Assert.Equal(Category.Active, Decide(jiraOnly, Rules with { Product = null }).Category);
    }

    [Fact]
    public void Legacy_product_key_suffix_counts_for_the_product()
    {
        var d = Decide(Person("a", new ActivityEvidence("last-active", "confluence.ondemand", "test", Now.AddDays(-2))));
        Assert.Equal(Category.Active, d.Category);
    }

    [Fact]
    public void No_data_is_its_own_category_not_inactive()
    {
        Assert.Equal(Category.NoActivityData, Decide(Person("a")).Category);
        Assert.Equal(Category.NoActivityData, Decide(Person("a", Confluence(null))).Category);
    }

    [Fact]
    public void No_data_counts_from_creation_when_the_policy_says_so()
    {
        var rules = Rules with { NoData = NoDataRule.CountFromCreation, InactiveDays = 30 };
        var old = Person("old") with { CreatedAt = Now.AddDays(-90) };
        var fresh = Person("new") with { CreatedAt = Now.AddDays(-5) };
        Assert.Equal(Category.Inactive, Decide(old, rules).Category);
        Assert.Equal(Category.Active, Decide(fresh, rules).Category);
    }

    [Fact]
    public void Already_suspended_and_closed_accounts_are_not_acted_on()
    {
        Assert.Equal(Category.AlreadyInactive, Decide(Person("a", Confluence(Now.AddDays(-900))) with { Status = AccountStatus.Suspended }).Category);
        Assert.Equal(Category.AlreadyInactive, Decide(Person("a", Confluence(Now.AddDays(-900))) with { Status = AccountStatus.Closed }).Category);
    }

    [Fact]
    public void Suspended_target_policy_acts_only_on_suspended_accounts()
    {
        var rules = Rules with { Targets = TargetStatus.Suspended };
        Assert.Equal(Category.Inactive, Decide(Person("a", Confluence(Now.AddDays(-900))) with { Status = AccountStatus.Suspended }, rules).Category);
        Assert.Equal(Category.Active, Decide(Person("b", Confluence(Now.AddDays(-900))), rules).Category);
    }

    [Theory]
    [InlineData("X")]          // id, other case
    [InlineData("x@CORP.example")]  // email, other case
    [InlineData("person x")]   // display name
    [InlineData("*@corp.example")] // glob
    public void Exclusions_match_id_email_or_name_ignoring_case(string pattern)
    {
        var d = Decide(Person("x", Confluence(Now.AddDays(-900))), Rules with { Exclusions = [pattern] });
        Assert.Equal(Category.Excluded, d.Category);
        Assert.Contains(pattern, d.Reason);
    }

    [Fact]
    public void Exclusion_that_matches_nothing_leaves_the_decision_alone()
    {
        Assert.Equal(Category.Inactive, Decide(Person("x", Confluence(Now.AddDays(-900))), Rules with { Exclusions = ["y", "x@other.example"] }).Category);
    }

    [Fact]
    public void Admins_owners_callers_and_apps_are_protected()
    {
        var idle = Person("a", Confluence(Now.AddDays(-900)));
        Assert.Equal(Category.Protected, Decide(idle with { IsAdmin = true }).Category);
        Assert.Equal(Category.Protected, Decide(idle with { IsOwner = true }).Category);
        Assert.Equal(Category.Protected, Decide(idle with { IsCaller = true }).Category);
        Assert.Equal(Category.Protected, Decide(idle with { Kind = AccountKind.Service }).Category);
    }

    [Fact]
    public void Read_errors_are_errors_not_guesses()
    {
        var d = Decide(Person("a", Confluence(Now.AddDays(-900))) with { Error = new ReadError("timeout") });
        Assert.Equal(Category.Error, d.Category);
        Assert.Contains("timeout", d.Reason);
    }

    [Fact]
    public void Signal_filter_ignores_other_signals()
    {
        var a = Person("a", new ActivityEvidence("entity-updated", null, "test", Now.AddDays(-1)), new ActivityEvidence("last-login", null, "test", Now.AddDays(-400)));
        var rules = new PolicyRules { Product = null, InactiveDays = 90, Signal = "last-login" };
        Assert.Equal(Category.Inactive, Decide(a, rules).Category);
    }

    [Theory]
    [InlineData("group:Finance", true)]
    [InlineData("GROUP:fin*", true)]
    [InlineData("group:Legal", false)]
    [InlineData("Finance", false)] // a plain pattern is not a group
    public void Group_exclusions_match_the_accounts_groups(string pattern, bool excluded)
    {
        var a = Person("x", Confluence(Now.AddDays(-900))) with { Groups = ["Finance", "All staff"] };
        Assert.Equal(excluded ? Category.Excluded : Category.Inactive, Decide(a, Rules with { Exclusions = [pattern] }).Category);
    }

    [Fact]
    public void Unknown_groups_with_a_group_exclusion_are_an_error_never_an_action()
    {
        var unknown = Person("x", Confluence(Now.AddDays(-900))); // the connector did not read groups
        Assert.Null(unknown.Groups);
        var d = Decide(unknown, Rules with { Exclusions = ["group:Finance"] });
        Assert.Equal(Category.Error, d.Category);
        Assert.Contains("group: exclusions cannot be checked", d.Reason);
        // Plain patterns need no groups; an empty list is known (a member of nothing).
        Assert.Equal(Category.Inactive, Decide(unknown, Rules with { Exclusions = ["someone-else@example.com"] }).Category);
        Assert.Equal(Category.Inactive, Decide(unknown with { Groups = [] }, Rules with { Exclusions = ["group:Finance"] }).Category);
    }
}
