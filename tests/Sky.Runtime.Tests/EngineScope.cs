using System.Security.Cryptography;
using Sky.Model;

namespace Sky.Runtime.Tests;

/// <summary>
/// One test's corner of the shared engine: a unique <c>skyrt-&lt;8 hex&gt;</c> prefix and label, a time limit, and a
/// record of every container, network, volume and image made, all removed at the end even when the test fails.
/// Other developers' tests use the same engine, so nothing outside this record is ever touched.
/// </summary>
public sealed class EngineScope : IAsyncDisposable
{
    public const string Image = "sky-busybox:latest";
    public const string TestLabel = "skyrt.test";

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));
    private readonly List<string> containers = [];
    private readonly List<string> networks = [];
    private readonly List<string> volumes = [];
    private readonly List<string> images = [];

    public EngineScope()
    {
        Prefix = "skyrt-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Runtime = DockerRuntime.FromEnvironment();
    }

    public string Prefix { get; }

    public DockerRuntime Runtime { get; }

    /// <summary>Ends the test rather than letting it hang if the engine never answers.</summary>
    public CancellationToken Token => timeout.Token;

    /// <summary>The label every object of this test carries, and the filter that finds only them.</summary>
    public Dictionary<string, string> Labels => new() { [TestLabel] = Prefix };

    public Dictionary<string, string?> Filter => new() { [TestLabel] = Prefix };

    public string Name(string suffix) => $"{Prefix}-{suffix}";

    public async Task<string> CreateAsync(ContainerCreateRequest request)
    {
        this.containers.Add(request.Name);
        return await Runtime.CreateContainerAsync(request with { Labels = Merge(request.Labels) }, Token);
    }

    public async Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        this.containers.Add(spec.Name);
        return await Runtime.CreateContainerAsync(spec, extraLabels ?? Labels, Token);
    }

    /// <summary>Creates and starts a busybox container running <paramref name="command"/>.</summary>
    public async Task<string> RunAsync(string suffix, params string[] command)
    {
        var id = await CreateAsync(new ContainerCreateRequest { Name = Name(suffix), Image = Image, Command = command });
        await Runtime.StartContainerAsync(id, Token);
        return id;
    }

    public async Task<string> NetworkAsync(string suffix)
    {
        var name = Name(suffix);
        networks.Add(name);
        await Runtime.EnsureNetworkAsync(name, Labels, Token);
        return name;
    }

    public async Task<string> VolumeAsync(string suffix)
    {
        var name = Name(suffix);
        volumes.Add(name);
        await Runtime.EnsureVolumeAsync(name, Labels, Token);
        return name;
    }

    /// <summary>Records an image tag made by the test (a build, a tag on a registry) so that it is removed at the end.</summary>
    public string ImageTag(string suffix, string? registry = null)
    {
        var tag = (registry is null ? string.Empty : registry + "/") + $"{Prefix}-{suffix}:test";
        images.Add(tag);
        return tag;
    }

    /// <summary>Builds <paramref name="dockerfile"/> (with a <c>message.txt</c> beside it) as <paramref name="tag"/>; returns the image id.</summary>
    public async Task<string> BuildAsync(string tag, string dockerfile, IProgress<string>? progress = null)
    {
        var folder = Directory.CreateTempSubdirectory("skyrt-build-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Dockerfile"), dockerfile);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "message.txt"), "built by sky\n");
            using var archive = new MemoryStream();
            await System.Formats.Tar.TarFile.CreateFromDirectoryAsync(folder.FullName, archive, includeBaseDirectory: false, Token);
            archive.Position = 0;
            return await Runtime.BuildImageAsync(archive, tag, null, progress, Token);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public ContainerSpec Spec(string suffix, string network, params string[] command) => new()
    {
        Name = Name(suffix),
        Service = Prefix,
        Instance = "test",
        Role = SkyLabels.MainRole,
        Definition = Prefix,
        Image = Image,
        Command = command.Length == 0 ? null : command,
        Network = network,
    };

    public async ValueTask DisposeAsync()
    {
        // Cleanup gets its own time: the test's own limit may be what ended it.
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cleanup.Token;
        var containers = new HashSet<string>(this.containers);
        try
        {
            foreach (var found in await Runtime.ListContainersAsync(Filter, ct))
            {
                containers.Add(found.Id);
            }
        }
        catch (EngineException)
        {
            // Listing is only a second net for containers whose names were not recorded.
        }

        await Task.WhenAll(containers.Select(c => Quietly(() => Runtime.RemoveContainerAsync(c, force: true, ct))));
        await Task.WhenAll(volumes.Select(v => Quietly(() => Runtime.RemoveVolumeAsync(v, ct))));
        await Task.WhenAll(networks.Select(n => Quietly(() => Runtime.RemoveNetworkAsync(n, ct))));
        foreach (var image in images)
        {
            await Quietly(() => Runtime.RemoveImageAsync(image, ct));
        }

        Runtime.Dispose();
        timeout.Dispose();
    }

    private Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> labels)
    {
        var merged = new Dictionary<string, string>(labels);
        merged[TestLabel] = Prefix;
        return merged;
    }

    private static async Task Quietly(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is EngineException or OperationCanceledException)
        {
            // A cleanup failure must not hide the test's own outcome.
        }
    }
}
