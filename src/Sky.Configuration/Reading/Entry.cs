using Sky.Configuration.Keys;
using Sky.Configuration.Yaml;

namespace Sky.Configuration.Reading;

/// <summary>A top-level entry of a configuration file: a service, or a recurrent job when it has <c>every:</c>.</summary>
internal sealed record Entry(string Name, string File, ScalarNode Key, bool IsJob, KeyValues Config)
{
    /// <summary>"file:line", as <c>Source</c> of the resolved service or job.</summary>
    public string Source => $"{File}:{Key.Line}";

    public IReadOnlyList<InstanceEntry> Instances => Config.Get(ConfigurationKeys.Instances) ?? [];
}
