using Dormant.Connectors.DocSpace;
using Dormant.Core.Plans;
using Dormant.Simulators.DocSpace;
using Dormant.Tests.Port;

namespace Dormant.Tests.DocSpace;

/// <summary>people/filter pages by offset: a user added mid-scan pushes the list, and one person is listed twice.</summary>
public sealed class DocSpaceShiftingListTests
{
    [Fact]
    public async Task A_user_added_during_the_scan_does_not_make_anyone_decided_or_planned_twice()
    {
        await using var portal = await DocSpacePortal.StartAsync(DocSpaceTenant.Generate(500, 9, DateTimeOffset.UtcNow));
        using var platform = portal.Connect(("area", "all"));
        var listed = 0;
        var added = false;
        var progress = new SyncProgress<int>(n =>
        {
            listed = n;
            if (n != 50 || added) return;
            // Sorted first by display name, so every later page starts one person earlier than it would have.
            portal.Tenant.Add(new DocSpaceSimUser { Id = Guid.NewGuid(), FirstName = "Aaron", LastName = "Aardvark", Email = "aaron@example.com",
                RegistrationDate = DateTimeOffset.UtcNow.AddDays(-400), Type = "Guest" });
            added = true;
        });

        var rules = new DocSpaceDefinition().DefaultPolicy with { MaxShare = 1, MaxActions = 10_000 };
        var scan = await new Scanner(TimeProvider.System).ScanAsync(platform.Source, rules, progress, CancellationToken.None);

        Assert.True(added);
        Assert.True(listed > scan.Decisions.Count, $"the listing should have shown someone twice ({listed} listed, {scan.Decisions.Count} decided)");
        Assert.Equal(scan.Decisions.Count, scan.Decisions.Select(d => d.AccountId).Distinct().Count());
        Assert.Equal(scan.Actions.Count, scan.Actions.Select(a => a.AccountId).Distinct().Count());
    }
}
