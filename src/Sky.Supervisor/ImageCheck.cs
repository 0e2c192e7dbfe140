using Sky.Model;
using Sky.Planning;
using Sky.Runtime;

namespace Sky.Supervisor;

/// <summary>
/// Which images are not on the engine. sky never pulls, so an absent image is found before anything depends on it: an
/// apply warns of it, a start refuses, and the supervisor gives up on a container it could not create instead of
/// trying again and again.
/// </summary>
public sealed class ImageCheck(IContainerRuntime runtime)
{
    public const string NeverPulls = "sky never pulls: build or load it first";

    /// <summary>Every image a configuration names, with the entries (services, dependencies, jobs) that name it.</summary>
    public static IEnumerable<(string Image, string NamedBy)> Named(DesiredState state) =>
        state.Services.SelectMany(s => s.Instances).SelectMany(i => i.Containers).Select(c => (c.Image, c.Definition))
            .Concat(state.Jobs.Select(j => (j.Image, j.Name)));

    /// <summary>The images of the containers a plan would create (fresh or as a replacement), each with those containers.</summary>
    public static IEnumerable<(string Image, string NamedBy)> Created(Plan plan) =>
        plan.Steps.Where(s => s.Action is PlanAction.Create or PlanAction.Replace && s.Spec is not null).Select(s => (s.Spec!.Image, s.Spec.Name));

    /// <summary>The images of <paramref name="uses"/> that the engine does not have, in order of image.</summary>
    public async Task<IReadOnlyList<MissingImage>> MissingAsync(IEnumerable<(string Image, string NamedBy)> uses, CancellationToken cancellationToken)
    {
        var missing = new List<MissingImage>();
        foreach (var image in uses.GroupBy(u => u.Image, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (await runtime.InspectImageAsync(image.Key, cancellationToken) is null)
            {
                missing.Add(new MissingImage(image.Key, image.Select(u => u.NamedBy).Distinct().Order(StringComparer.Ordinal).ToList()));
            }
        }

        return missing;
    }
}
