using Sky.Contracts;

namespace Sky.Cli.Output;

/// <summary><c>sky alerts show ID -o json</c>: the alert and every attempt to tell someone of it.</summary>
public sealed record AlertShowJson(AlertView Alert, IReadOnlyList<AlertDeliveryView> Deliveries);
