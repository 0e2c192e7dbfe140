using Sky.Model;

namespace Sky.Configuration;

/// <summary>
/// The desired state a configuration resolves to, or every error it has (then <see cref="State"/> is null). Warnings
/// come either way: they never keep a configuration from applying.
/// </summary>
public sealed record ConfigurationResult(DesiredState? State, IReadOnlyList<ConfigurationError> Errors, IReadOnlyList<ConfigurationWarning> Warnings)
{
    public bool IsValid => State is not null && Errors.Count == 0;
}
