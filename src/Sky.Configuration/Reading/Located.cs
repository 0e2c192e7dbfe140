using Sky.Configuration.Yaml;

namespace Sky.Configuration.Reading;

/// <summary>A value read from the configuration, with where it was, for errors found after reading.</summary>
internal sealed record Located<T>(T Value, Node Node, string Path);
