namespace Sky.Cli.Tests;

/// <summary>The mission's example configurations in the repository's examples/ folder, found from the test's own folder.</summary>
public static class Examples
{
    public static string Folder { get; } = Find();

    public static string MyApplication => Path.Combine(Folder, "my-application.yml");

    /// <summary>A copy of my-application.yml with <paramref name="change"/> applied, in a temp folder.</summary>
    public static string ChangedCopy(Func<string, string> change)
    {
        var folder = Directory.CreateTempSubdirectory("sky-config-").FullName;
        var path = Path.Combine(folder, "my-application.yml");
        File.WriteAllText(path, change(File.ReadAllText(MyApplication)));
        return path;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples");
            if (File.Exists(Path.Combine(dir.FullName, "sky.slnx")) && File.Exists(Path.Combine(candidate, "my-application.yml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("examples/ beside sky.slnx not found above " + AppContext.BaseDirectory);
    }
}
