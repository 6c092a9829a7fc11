namespace Dormant.Core.Connectors;

/// <summary>
/// One kind of request a scan's listing sends, as an auditor would repeat it: the path below the API's
/// root (no host, no credentials) and its parameters as the first page sends them.
/// </summary>
/// <param name="Parameters">The query string or the JSON body; empty when there is none.</param>
/// <param name="Purpose">What the answer is used for, e.g. "accounts" or "vendor total".</param>
public sealed record ListingRequest(string Method, string Path, string Parameters, string Purpose);
