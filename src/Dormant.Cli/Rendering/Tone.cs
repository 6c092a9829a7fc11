namespace Dormant.Cli.Rendering;

/// <summary>The few colours Dormant uses, each for one meaning.</summary>
public enum Tone
{
    Good = 1,
    Warn = 2,
    Bad = 3,
    Muted = 4,
    Strong = 5,
}
