namespace Dormant.Tests.Support;

/// <summary>Waits for something another process or socket does, with a deadline.</summary>
internal static class Eventually
{
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("waited too long for " + what);
            await Task.Delay(10);
        }
    }
}
