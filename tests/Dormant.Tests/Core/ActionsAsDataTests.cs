using Dormant.Connectors;
using Dormant.Core.Accounts;
using Dormant.Core.Apply;
using Dormant.Core.Connectors;
using Dormant.Core.Plans;
using Dormant.Core.Policy;
using Dormant.Simulators.Port;
using Dormant.Tests.Port;

namespace Dormant.Tests.Core;

/// <summary>Core decides by what an action declares, never by its name.</summary>
public sealed class ActionsAsDataTests
{
    private static readonly Account s_locked = new() { Id = "a", Status = AccountStatus.Suspended };
    private static readonly Account s_usable = new() { Id = "a", Status = AccountStatus.Active };

    [Fact]
    public void An_action_whose_end_is_gone_is_reached_when_the_account_is_gone_whatever_its_name()
    {
        // A name Core has never heard of: only the declared end decides.
        var purge = new PlatformAction("purge", "purged", ActionEnd.Gone, null, "{date}_purged_users");

        Assert.True(TargetState.Reached(purge, null));
        Assert.False(TargetState.Reached(purge, s_locked));
        Assert.True(TargetState.Undone(purge, s_usable));
        Assert.False(TargetState.Undone(purge, null));
    }

    [Fact]
    public void An_action_that_leaves_the_account_unable_to_sign_in_is_reached_on_its_status_even_if_named_delete()
    {
        var odd = new PlatformAction("delete", "deleted", ActionEnd.CannotSignIn, "undelete", "{date}_deleted_users");

        Assert.True(TargetState.Reached(odd, s_locked));
        Assert.False(TargetState.Reached(odd, null));
        Assert.False(TargetState.Reached(odd, s_usable));
        Assert.True(TargetState.Undone(odd, s_usable));
        Assert.False(TargetState.Undone(odd, null));
    }

    [Fact]
    public void The_archive_stem_puts_the_local_day_where_the_declaration_says()
    {
        var action = new PlatformAction("x", "xed", ActionEnd.Gone, null, "{date}_xed_users");
        Assert.Equal("03-07-2026_xed_users", action.ArchiveStem(new DateTimeOffset(2026, 3, 7, 23, 59, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Only_a_platform_with_products_speaks_of_any_product()
    {
        var never = new Account { Id = "n" };
        var rules = new PolicyRules { Product = null };

        var reasons = PlatformCatalog.All.ToDictionary(p => p.Platform, p => new PolicyEvaluator(rules, p.Words).Evaluate(never, DateTimeOffset.UtcNow).Reason);

        Assert.Equal("no activity recorded in any product", reasons["atlassian"]);
        Assert.Equal("no activity recorded", reasons["port"]);
        Assert.Equal("no activity recorded", reasons["docspace"]);
    }

    [Fact]
    public async Task A_policy_without_an_action_gets_the_platforms_first_one_written_into_the_plan()
    {
        // Given a Port tenant with one idle person and a policy that names no action
        var old = PortKit.At(DateTimeOffset.UtcNow.AddDays(-400));
        var tenant = PortKit.Tenant(PortKit.Person("idle@example.com", "Active", old, old));
        await using var host = await PortSimulator.StartAsync(tenant);
        using var port = PortKit.Connect(host, tenant);
        var rules = PlatformCatalog.Find("port").DefaultPolicy with { Action = null, MaxShare = 1 };

        // When planning
        var plan = await new Planner(TimeProvider.System).MakeAsync(port.Connector, port.Source, rules, "test", Planner.DefaultValidity, null, default);

        // Then the plan records the platform's reversible default by name, for the policy and each account
        Assert.Equal("disable", plan.Policy.Action);
        Assert.All(plan.Actions, a => Assert.Equal("disable", a.Action));
        Assert.NotEmpty(plan.Actions);
    }
}
