using Sky.Configuration.Values;
using Sky.Model;

namespace Sky.Configuration.Reading;

/// <summary>
/// The keys of one mapping (an entry or one of its instances), read and checked. Null means "not set here",
/// which is what lets an instance inherit from its parent.
/// </summary>
internal sealed class EntryConfig
{
    public Maintainer? Maintainer { get; set; }

    public Located<ImageReference>? Image { get; set; }

    /// <summary>The mapping has an <c>image</c> key, even one that could not be read (then "no image" would be noise).</summary>
    public bool WritesImage { get; set; }

    public Located<string>? Version { get; set; }

    public IReadOnlyList<string>? Command { get; set; }

    public IReadOnlyList<Located<string>>? Requires { get; set; }

    public IReadOnlyList<int>? Ports { get; set; }

    public IReadOnlyDictionary<string, string>? Env { get; set; }

    public long? Memory { get; set; }

    public double? Cpus { get; set; }

    /// <summary>Named volume sources are as written; the daemon's namespace is applied when resolving.</summary>
    public IReadOnlyList<VolumeMount>? Volumes { get; set; }

    public IReadOnlyList<CheckDraft>? Checks { get; set; }

    public RestartPolicy? Restart { get; set; }

    public int? Replicas { get; set; }

    public Located<string>? Every { get; set; }

    public string? TimeZone { get; set; }

    public bool? NotifyOnCompletion { get; set; }

    public MissedRunPolicy? Missed { get; set; }

    public OverlapPolicy? Overlap { get; set; }

    public TimeSpan? Timeout { get; set; }
}
