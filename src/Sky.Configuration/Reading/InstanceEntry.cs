using Sky.Configuration.Yaml;

namespace Sky.Configuration.Reading;

/// <summary>One named instance of a service and the keys it overrides.</summary>
internal sealed record InstanceEntry(string Name, ScalarNode Key, string Path, KeyValues Config);
