using Sky.Model;
using Sky.Planning;
using Sky.Runtime;

namespace Sky.Supervisor;

/// <summary>
/// Which images are in none of the places sky takes images from (the engine, and the daemon's registry when it has
/// one: <see cref="ImageSource"/>). An absent image is found before anything depends on it: an apply warns of it, a
/// start refuses, and the supervisor gives up on a container it could not create instead of trying again and again.
/// </summary>
public sealed class ImageCheck(ImageSource source)
{
    /// <summary>Every image a configuration names, with the entries (services, dependencies, jobs) that name it.</summary>
    public static IEnumerable<(string Image, string NamedBy)> Named(DesiredState state) =>
        state.Services.SelectMany(s => s.Instances).SelectMany(i => i.Containers).Select(c => (c.Image, c.Definition))
            .Concat(state.Jobs.Select(j => (j.Image, j.Name)));

    /// <summary>The images of the containers a plan would create (fresh or as a replacement), each with those containers.</summary>
    public static IEnumerable<(string Image, string NamedBy)> Created(Plan plan) =>
        plan.Steps.Where(s => s.Action is PlanAction.Create or PlanAction.Replace && s.Spec is not null).Select(s => (s.Spec!.Image, s.Spec.Name));

    /// <summary>
    /// The images of <paramref name="uses"/> in neither place, in order of image. Throws
    /// <see cref="RegistryUnavailableException"/> when the registry should be asked and cannot be.
    /// </summary>
    public async Task<IReadOnlyList<MissingImage>> MissingAsync(IEnumerable<(string Image, string NamedBy)> uses, CancellationToken cancellationToken)
    {
        var missing = new List<MissingImage>();
        foreach (var image in uses.GroupBy(u => u.Image, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!await source.ExistsAsync(image.Key, cancellationToken))
            {
                missing.Add(Missing(image.Key, image.Select(u => u.NamedBy)));
            }
        }

        return missing;
    }

    /// <summary>
    /// What an apply warns of: each image in neither place (<c>image X is not on this engine (named by web): starting it
    /// will fail; ...</c>), and each that the registry could not be asked about. Never throws for the registry: a
    /// configuration is applied whatever the registry's state, since the image may be pushed before anyone starts it.
    /// </summary>
    public async Task<IReadOnlyList<string>> WarningsAsync(IEnumerable<(string Image, string NamedBy)> uses, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        foreach (var image in uses.GroupBy(u => u.Image, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            try
            {
                if (!await source.ExistsAsync(image.Key, cancellationToken))
                {
                    var missing = Missing(image.Key, image.Select(u => u.NamedBy));
                    warnings.Add($"{missing}: starting it will fail; {missing.Advice}");
                }
            }
            catch (RegistryUnavailableException unavailable)
            {
                var namedBy = string.Join(", ", image.Select(u => u.NamedBy).Distinct().Order(StringComparer.Ordinal));
                warnings.Add($"image {image.Key} is not on this engine (named by {namedBy}) and {unavailable.Message}: starting it will fail until it answers");
            }
        }

        return warnings;
    }

    private MissingImage Missing(string image, IEnumerable<string> namedBy) =>
        new(image, namedBy.Distinct().Order(StringComparer.Ordinal).ToList()) { Places = source.Places(image), Advice = source.Advice(image) };
}
