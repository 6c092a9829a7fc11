using Dormant.Connectors;
using Dormant.Connectors.Http;

namespace Dormant.Tests.Support;

/// <summary>
/// The test process's one HTTP root, on the real clock, as a process of Dormant has one. A test of
/// time makes a root of its own on a fake clock and disposes it.
/// </summary>
internal static class TestHttp
{
    public static VendorHttp Root { get; } = new();

    public static ConnectContext With(HttpTuning tuning, VendorHttp? http = null) => new(http ?? Root, tuning);
}
