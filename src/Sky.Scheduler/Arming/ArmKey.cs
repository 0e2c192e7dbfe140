using Sky.Model;

namespace Sky.Scheduler.Arming;

/// <summary>
/// What a job's container is made of, written as JSON to compare an armed container with the job's configuration now:
/// the environment sorted, so that its order in the file does not count.
/// </summary>
internal sealed record ArmKey(
    string Image,
    IReadOnlyList<string>? Command,
    List<KeyValuePair<string, string>> Environment,
    long? MemoryBytes,
    double? Cpus,
    IReadOnlyList<VolumeMount> Volumes);
