namespace Sky.Cli.Tests;

/// <summary>
/// Images a test builds and the folders it builds them from: named after its daemon's namespace, so tests running in
/// parallel never share one, and all removed at the end (every name, on the engine; the folders, from disk).
/// </summary>
public sealed class TestImages(string ns) : IAsyncDisposable
{
    private readonly List<string> names = [];
    private readonly List<string> folders = [];

    /// <summary><c>NS-SUFFIX:VERSION</c>, or <c>REGISTRY/NS-SUFFIX:VERSION</c>; either is removed from the engine at the end.</summary>
    public string Name(string suffix, string version, string? registry = null)
    {
        var name = (registry is null ? string.Empty : registry + "/") + $"{ns}-{suffix}:{version}";
        names.Add(name);
        return name;
    }

    /// <summary>A build folder holding <paramref name="dockerfile"/> and a <c>message.txt</c> it may copy.</summary>
    public string Folder(string dockerfile)
    {
        var folder = Directory.CreateTempSubdirectory("sky-build-").FullName;
        folders.Add(folder);
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), dockerfile);
        File.WriteAllText(Path.Combine(folder, "message.txt"), "built by sky\n");
        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        if (names.Count > 0)
        {
            await Docker.RunRawAsync(["rmi", "-f", .. names]);
        }

        foreach (var folder in folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
