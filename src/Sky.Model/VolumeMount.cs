namespace Sky.Model;

/// <summary>
/// A volume mounted into a container: a named Docker volume (created by sky, labelled) or, when
/// <see cref="IsHostPath"/> is true, a host folder bound at <see cref="Target"/>.
/// </summary>
public sealed record VolumeMount(string Source, string Target, bool IsHostPath, bool ReadOnly);
