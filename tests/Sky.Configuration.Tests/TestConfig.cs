using Sky.Model;

namespace Sky.Configuration.Tests;

/// <summary>Loads YAML written inline in tests, and finds the shared example configurations.</summary>
internal static class TestConfig
{
    public const string FileName = "test.yml";

    /// <param name="baseDirectory">The folder relative paths are read against (the file's own, when read from disk).</param>
    public static ConfigurationResult Load(string yaml, Naming? naming = null, string? baseDirectory = null) =>
        ConfigurationLoader.Load([new ConfigurationFile(FileName, yaml) { BaseDirectory = baseDirectory }], naming ?? new Naming());

    /// <summary>Loads and insists on success, showing the errors when there are some.</summary>
    public static DesiredState Valid(string yaml, Naming? naming = null)
    {
        var result = Load(yaml, naming);
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        return result.State!;
    }

    /// <summary>The one error a configuration has, as its full text.</summary>
    public static string SingleError(string yaml)
    {
        var result = Load(yaml);
        Assert.Null(result.State);
        return Assert.Single(result.Errors).ToString();
    }

    /// <summary>The repository's examples/ folder (the mission's configurations), found by walking up from the test assembly.</summary>
    public static string ExamplesFolder
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "examples");
                if (File.Exists(Path.Combine(folder.FullName, "sky.slnx")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"no examples/ folder beside sky.slnx above {AppContext.BaseDirectory}");
        }
    }

    public static ContainerSpec Container(DesiredState state, string name) =>
        state.Services.SelectMany(s => s.Instances).SelectMany(i => i.Containers).Single(c => c.Name == name);
}
