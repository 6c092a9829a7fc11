namespace Dormant.Tests.Support;

public static class Repo
{
    /// <summary>The checkout's root: the folder above the test binaries that holds Dormant.slnx.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Dormant.slnx"))) return dir.FullName;
            throw new InvalidOperationException("Dormant.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
