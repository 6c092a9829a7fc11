namespace Dormant.Cli.Export;

/// <summary>The outcome of an event, numbered as OCSF's status_id is (0 Unknown, 1 Success, 2 Failure).</summary>
internal enum EventOutcome
{
    Unknown = 0,
    Success = 1,
    Failure = 2,
}
