using System.Text.RegularExpressions;
using Sky.Configuration.Keys;
using Sky.Model;

namespace Sky.Configuration.Tests;

/// <summary>examples/reference/every-key.yml: the commented file that shows every key must stay valid and complete.</summary>
public sealed partial class ReferenceExampleTests
{
    private static string Path => System.IO.Path.Combine(TestConfig.ExamplesFolder, "reference", "every-key.yml");

    [Fact]
    public void The_reference_example_loads_with_no_error_and_no_warning()
    {
        var result = ConfigurationLoader.Load(ConfigurationFiles.Read(Path), new Naming());

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.True(result.Warnings.Count == 0, string.Join('\n', result.Warnings));
        Assert.Equal(["shop", "cache"], result.State!.Services.Select(s => s.Name));
        Assert.Equal(["nightly-report"], result.State.Jobs.Select(j => j.Name));
    }

    [Fact]
    public void The_reference_example_names_every_key_of_the_key_table()
    {
        var written = KeyPattern().Matches(File.ReadAllText(Path)).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

        var missing = ConfigurationKeys.All.Select(k => k.Name).Where(name => !written.Contains(name)).ToList();

        Assert.True(missing.Count == 0, $"examples/reference/every-key.yml shows no {string.Join(", ", missing)}: add it, with a comment");
    }

    [GeneratedRegex(@"(?:^|[\s{,-])(?<key>[a-z][a-z-]*):(?:\s|$)", RegexOptions.Multiline)]
    private static partial Regex KeyPattern();
}
