namespace Dormant.Tests.Reports;

/// <summary>One set of recorded runs shared by the report tests, made once.</summary>
[CollectionDefinition(Name)]
public sealed class ReportedRunsCollection : ICollectionFixture<ReportedRuns>
{
    public const string Name = "reported runs";
}
