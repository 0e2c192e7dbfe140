using Sky.Configuration;

namespace Sky.Api.Settings;

/// <summary>The settings, or (null) every error found in the file, in file order.</summary>
public sealed record DaemonSettingsResult(DaemonSettings? Settings, IReadOnlyList<ConfigurationError> Errors);
