namespace Sky.Cli.Tests;

/// <summary>Service configurations the tests write on the fly.</summary>
public static class ConfigFile
{
    /// <summary>Writes a configuration into a temp folder and returns its path.</summary>
    public static string Write(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("sky-config-").FullName;
        var path = Path.Combine(folder, "services.yml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
