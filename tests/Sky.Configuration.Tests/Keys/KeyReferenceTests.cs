using Sky.Configuration.Keys;

namespace Sky.Configuration.Tests.Keys;

public class KeyReferenceTests
{
    [Fact]
    public void The_key_reference_in_docs_is_what_the_key_table_renders()
    {
        var file = Path.Combine(RepositoryRoot(), "docs", "configuration-keys.md");
        var rendered = KeyReference.Render();
        if (Environment.GetEnvironmentVariable("SKY_WRITE_DOCS") == "1")
        {
            File.WriteAllText(file, rendered);
        }

        var written = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "";

        Assert.True(written == rendered, $"{file} is not what the key table renders; regenerate it with: {KeyReference.Regenerate}");
    }

    [Fact]
    public void The_reference_has_a_row_for_every_key()
    {
        var rendered = KeyReference.Render();

        Assert.All(ConfigurationKeys.All, key => Assert.Contains($"| `{key.Name}` |", rendered, StringComparison.Ordinal));
    }

    /// <summary>The folder with sky.slnx above the test assembly: the working copy the tests were built from.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "sky.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no sky.slnx above {AppContext.BaseDirectory}");
    }
}
