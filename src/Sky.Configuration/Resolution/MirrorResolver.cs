using Sky.Configuration.Keys;
using Sky.Configuration.Reading;
using Sky.Configuration.Values;
using Sky.Model.Routing;

namespace Sky.Configuration.Resolution;

/// <summary>Checks an instance's <c>mirror:</c> against its service's instances: it names another one of them.</summary>
internal sealed class MirrorResolver(ErrorList errors)
{
    public MirrorSpec? Resolve(Entry service, InstanceEntry? instance)
    {
        if (instance?.Config.Get(ConfigurationKeys.Mirror) is not { } mirror)
        {
            return null;
        }

        var target = mirror.Value.Instance;
        if (target == instance.Name)
        {
            errors.Add(service.File, mirror.Node, mirror.Path, $"instance '{instance.Name}' cannot mirror to itself (name another instance of '{service.Name}')");
            return null;
        }

        var others = service.Instances.Select(i => i.Name).Where(name => name != instance.Name);
        if (!service.Instances.Any(i => i.Name == target))
        {
            errors.Add(service.File, mirror.Node, mirror.Path,
                $"'{service.Name}' has no instance '{target}' to mirror to{Suggestions.Hint(target, others)}");
            return null;
        }

        return mirror.Value;
    }
}
