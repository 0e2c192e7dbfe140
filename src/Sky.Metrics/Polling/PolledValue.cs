namespace Sky.Metrics.Polling;

/// <summary>
/// One value read from an application's metrics endpoint, under the dotted name sky gives it (after the service's
/// ignore and rename rules). The poller stamps it with whose it is and when it was read.
/// </summary>
public readonly record struct PolledValue(string Name, double Value);
