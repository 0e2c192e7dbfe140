using Sky.Model;

namespace Sky.Supervisor;

/// <summary>
/// <c>NAME</c> or <c>NAME/INSTANCE</c> as people type it on the command line, checked against the configuration.
/// </summary>
public sealed record ServiceSelector(string Service, string? Instance)
{
    public static ServiceSelector Parse(string text)
    {
        var parts = text.Split('/', 2);
        if (parts[0].Length == 0 || (parts.Length == 2 && parts[1].Length == 0))
        {
            throw new OperationException(OperationErrorKind.Invalid, $"'{text}' is not a service name (use NAME or NAME/INSTANCE)");
        }

        return new ServiceSelector(parts[0], parts.Length == 2 ? parts[1] : null);
    }

    /// <summary>The instances it names, in configuration order; throws when the service or instance is unknown.</summary>
    public IReadOnlyList<InstanceSpec> Select(DesiredState state)
    {
        var service = state.FindService(Service);
        if (service is null)
        {
            var hint = state.FindJob(Service) is not null ? $" ({Service} is a recurrent job: use sky job)" : string.Empty;
            throw new OperationException(OperationErrorKind.NotFound, $"no service named '{Service}' in the applied configuration{hint}");
        }

        if (Instance is null)
        {
            return service.Instances;
        }

        var instance = service.Instances.FirstOrDefault(i => i.Name == Instance);
        return instance is null
            ? throw new OperationException(OperationErrorKind.NotFound, $"service '{Service}' has no instance '{Instance}' (it has: {string.Join(", ", service.Instances.Select(i => i.Name))})")
            : [instance];
    }

    public override string ToString() => Instance is null ? Service : $"{Service}/{Instance}";
}
