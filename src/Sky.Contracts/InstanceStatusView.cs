namespace Sky.Contracts;

/// <summary>One instance of a service: whether it is wanted running, and its containers.</summary>
/// <param name="Addresses">The router's URLs of the instance, one for each exact name of its <c>VIRTUAL_HOST</c>
/// (<c>http://web.localhost:8080/</c>, with its <c>VIRTUAL_PATH</c>); null when it carries no host or the router does
/// not listen. Wildcards and regular expressions name no address and are left out.</param>
public sealed record InstanceStatusView(
    string Name,
    bool WantedRunning,
    IReadOnlyList<ContainerStatusView> Containers,
    IReadOnlyList<string>? Addresses = null);
