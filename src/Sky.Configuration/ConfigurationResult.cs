using Sky.Model;

namespace Sky.Configuration;

/// <summary>The desired state a configuration resolves to, or every error it has (then <see cref="State"/> is null).</summary>
public sealed record ConfigurationResult(DesiredState? State, IReadOnlyList<ConfigurationError> Errors)
{
    public bool IsValid => State is not null && Errors.Count == 0;
}
