namespace Dormant.Tests.Support;

/// <summary>Waits for what another process or a simulator does, and fails after a deadline instead of hanging.</summary>
public static class Eventually
{
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("waited too long for " + what);
            await Task.Delay(10);
        }
    }
}
