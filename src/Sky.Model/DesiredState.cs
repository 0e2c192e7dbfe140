namespace Sky.Model;

/// <summary>Everything a configuration asks for, resolved: services with their instances, and recurrent jobs.</summary>
public sealed record DesiredState(IReadOnlyList<ServiceSpec> Services, IReadOnlyList<JobSpec> Jobs)
{
    public static DesiredState Empty { get; } = new([], []);

    public ServiceSpec? FindService(string name) => Services.FirstOrDefault(s => s.Name == name);

    public JobSpec? FindJob(string name) => Jobs.FirstOrDefault(j => j.Name == name);
}
