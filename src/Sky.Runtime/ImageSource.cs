namespace Sky.Runtime;

/// <summary>
/// Where the images that containers need come from: the engine, and the daemon's registry (the <c>registry:</c>
/// setting), the only place sky ever pulls from. Without a registry nothing is pulled, ever.
/// <para>
/// With one, an image named on it (<c>127.0.0.1:5000/my-app:1.2</c>) is pulled as named, and so is an image named on
/// no registry at all (<c>my-app:1.2</c>): for the engine that name means Docker Hub, which sky never reaches, so the
/// team's registry is the only place it can come from. It is pulled as <c>REGISTRY/my-app:1.2</c> and tagged
/// <c>my-app:1.2</c>, so the container runs from the name its configuration gives, and a configuration need not say
/// where its images are kept (<c>sky build --push</c> of <c>my-app:1.2</c> puts it where this finds it). An image of
/// any other registry is never pulled.
/// </para>
/// </summary>
public sealed class ImageSource(IContainerRuntime runtime, RegistryClient? registry = null)
{
    /// <summary>The registry's <c>HOST:PORT</c>; null when the daemon has none.</summary>
    public string? Registry => registry?.Address;

    /// <summary>
    /// The reference sky would pull <paramref name="image"/> by: itself on the daemon's registry, qualified with it when
    /// it names no registry; null when it may not be pulled (no registry, another registry, or not a reference).
    /// </summary>
    public ImageReference? Pullable(string image)
    {
        if (registry is null || !ImageReference.TryParse(image, out var reference, out _))
        {
            return null;
        }

        return reference.Registry is null ? reference.On(registry.Address) : reference.IsOn(registry.Address) ? reference : null;
    }

    /// <summary>
    /// Whether <paramref name="image"/> is on the engine, or else in the registry (false for an image sky may not pull).
    /// Throws <see cref="RegistryUnavailableException"/> when the registry should be asked and cannot be.
    /// </summary>
    public async Task<bool> ExistsAsync(string image, CancellationToken cancellationToken) =>
        await runtime.InspectImageAsync(image, cancellationToken) is not null
        || (Pullable(image) is { } remote && await registry!.HasAsync(remote, cancellationToken));

    /// <summary>
    /// Makes sure <paramref name="image"/> is on the engine: there already, or pulled from the registry (then
    /// <paramref name="pulling"/> is told first). False when it is in neither place sky may take it from.
    /// </summary>
    public async Task<bool> EnsureOnEngineAsync(string image, Action<string>? pulling, CancellationToken cancellationToken)
    {
        if (await runtime.InspectImageAsync(image, cancellationToken) is not null)
        {
            return true;
        }

        if (Pullable(image) is not { } remote || !await registry!.HasAsync(remote, cancellationToken))
        {
            return false;
        }

        pulling?.Invoke($"pulling {remote} from the registry {registry.Address}");
        await runtime.PullImageAsync(remote.ToString(), null, cancellationToken);
        if (remote.ToString() != image)
        {
            await runtime.TagImageAsync(remote.ToString(), image, cancellationToken);
        }

        return true;
    }

    /// <summary>Where <paramref name="image"/> was looked for, after "is not on": <c>this engine or in the registry 127.0.0.1:5000</c>.</summary>
    public string Places(string image) => Pullable(image) is null ? "this engine" : $"this engine or in the registry {Registry}";

    /// <summary>What to do about <paramref name="image"/> being in neither place.</summary>
    public string Advice(string image) =>
        registry is null ? "sky never pulls: build or load it first"
        : Pullable(image) is null ? $"sky pulls only from its registry {registry.Address}: push it there, or load it"
        : "build and push it (sky build --push), or load it";
}
