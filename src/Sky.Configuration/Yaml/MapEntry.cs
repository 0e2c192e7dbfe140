namespace Sky.Configuration.Yaml;

/// <summary>One key and its value in a mapping.</summary>
internal sealed record MapEntry(ScalarNode Key, Node Value);
