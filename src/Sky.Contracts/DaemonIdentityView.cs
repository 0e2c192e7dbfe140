namespace Sky.Contracts;

/// <summary>A daemon's identity: that of its data folder, carried by every container it makes as the <c>sky.daemon</c> label.</summary>
/// <param name="Identity">The short random id made at the data folder's first start and kept there.</param>
/// <param name="DataFolder">The data folder; null when the container that names the daemon does not say.</param>
public sealed record DaemonIdentityView(string Identity, string? DataFolder);
