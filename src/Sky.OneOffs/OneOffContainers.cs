using System.Security.Cryptography;
using Sky.Contracts;
using Sky.Model;
using Sky.Runtime;
using Sky.Supervisor;

namespace Sky.OneOffs;

/// <summary>
/// The daemon's one-off containers: creating them from an image on the engine (or pulled from the daemon's registry),
/// listing them, and finding one by id prefix or name. Only this daemon's containers of the one-off kind are ever seen
/// (not another daemon's of the same namespace), so nothing else on the engine can be attached to or removed.
/// </summary>
public sealed class OneOffContainers(IContainerRuntime runtime, Naming naming, OneOffOptions options, Snitch.SnitchOutbox outbox, ImageSource? images = null)
{
    private readonly ImageSource images = images ?? new ImageSource(runtime);

    public OneOffOptions Options => options;

    public Snitch.SnitchOutbox Outbox => outbox;

    public async Task<IReadOnlyList<ObservedContainer>> ListAsync(CancellationToken cancellationToken)
    {
        return (await runtime.ListOwnContainersAsync(naming, SkyLabels.OneOffKind, cancellationToken)).OrderBy(c => c.Created).ToList();
    }

    /// <summary>The one-off whose id starts with <paramref name="idOrName"/> or whose name (with or without namespace) it is.</summary>
    public async Task<ObservedContainer> FindAsync(string idOrName, CancellationToken cancellationToken)
    {
        var all = await ListAsync(cancellationToken);
        var byName = all.FirstOrDefault(c => c.Name == idOrName || c.Name == naming.Prefixed(idOrName));
        if (byName is not null)
        {
            return byName;
        }

        var byId = idOrName.Length >= 4 ? all.Where(c => c.Id.StartsWith(idOrName, StringComparison.OrdinalIgnoreCase)).ToList() : [];
        return byId.Count switch
        {
            1 => byId[0],
            0 => throw new OperationException(OperationErrorKind.NotFound, $"no one-off container {idOrName} (see sky containers)"),
            _ => throw new OperationException(OperationErrorKind.Invalid, $"{idOrName} names several one-off containers; give more of the id"),
        };
    }

    /// <summary>Creates a one-off container (not started); throws NotFound when the image is neither on the engine nor in the registry.</summary>
    public async Task<(string Id, string Name)> CreateAsync(string? image, IReadOnlyList<string>? command, bool interactive, string? createdBy, CancellationToken cancellationToken)
    {
        var reference = string.IsNullOrWhiteSpace(image) ? options.Image : image.Trim();
        if (!await images.EnsureOnEngineAsync(reference, null, cancellationToken) || await runtime.InspectImageAsync(reference, cancellationToken) is not { } imageInfo)
        {
            throw new OperationException(OperationErrorKind.NotFound, $"image {reference} is not on {images.Places(reference)} ({images.Advice(reference)})");
        }

        var mode = interactive ? OneOffLabels.ShellMode : OneOffLabels.RunMode;
        var labels = naming.BaseLabels(SkyLabels.OneOffKind);
        labels[OneOffLabels.Image] = reference;
        labels[OneOffLabels.Mode] = mode;
        if (!string.IsNullOrWhiteSpace(createdBy))
        {
            labels[OneOffLabels.CreatedBy] = createdBy;
        }

        var name = naming.Prefixed($"{mode}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");
        var id = await runtime.CreateContainerAsync(
            new ContainerCreateRequest
            {
                Name = name,
                Image = reference,
                Command = command is { Count: > 0 } ? command : interactive ? ["sh"] : null,
                Labels = labels,
                Volumes = outbox.Prepare(name),
                Environment = SnitchOnPath(imageInfo),
                Tty = interactive,
                OpenStdin = interactive,
                Init = true,
            },
            cancellationToken);
        return (id, name);
    }

    public static OneOffView View(ObservedContainer container) => new(
        container.Id[..Math.Min(12, container.Id.Length)],
        container.Name,
        container.Labels.GetValueOrDefault(OneOffLabels.Image) ?? container.Image ?? "-",
        container.State.ToString().ToLowerInvariant(),
        container.Created,
        container.Labels.GetValueOrDefault(OneOffLabels.Mode) ?? OneOffLabels.ShellMode,
        container.Labels.GetValueOrDefault(OneOffLabels.CreatedBy));

    /// <summary>
    /// snitch is mounted in /usr/local/bin; an image whose PATH leaves that out gets it appended, so <c>snitch</c> works
    /// in every shell. Nothing else of the image's environment changes.
    /// </summary>
    private static Dictionary<string, string> SnitchOnPath(ImageInfo image)
    {
        var folder = Path.GetDirectoryName(Snitch.SnitchOutbox.ContainerScript)!;
        var path = image.Environment.FirstOrDefault(e => e.StartsWith("PATH=", StringComparison.Ordinal))?[5..];
        return path is null || path.Split(':').Contains(folder) ? [] : new Dictionary<string, string> { ["PATH"] = $"{path}:{folder}" };
    }
}
