using System.Globalization;
using Sky.Model;

namespace Sky.Planning;

/// <summary>
/// Where a container sits, independent of its name: two containers with the same identity are copies of one
/// wanted container, and only one may live.
/// </summary>
internal readonly record struct ContainerIdentity(string Service, string Instance, string Role, int Replica)
{
    public static ContainerIdentity Of(ContainerSpec spec) => new(spec.Service, spec.Instance, spec.Role, spec.Replica);

    /// <summary>The identity a service container's labels claim, or null when it is not a sky service container.</summary>
    public static ContainerIdentity? Of(ObservedContainer container)
    {
        var labels = container.Labels;
        if (labels.GetValueOrDefault(SkyLabels.Kind) != SkyLabels.ServiceKind
            || labels.GetValueOrDefault(SkyLabels.Service) is not { } service
            || labels.GetValueOrDefault(SkyLabels.Instance) is not { } instance
            || labels.GetValueOrDefault(SkyLabels.Role) is not { } role)
        {
            return null;
        }

        // The first replica may be created without the label; anything unreadable cannot match a wanted replica.
        var replica = labels.GetValueOrDefault(SkyLabels.Replica) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 0
            : 1;
        return new ContainerIdentity(service, instance, role, replica);
    }

    public override string ToString() => $"{Service}/{Instance}/{Role}/{Replica}";
}
