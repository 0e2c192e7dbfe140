using System.Text.Json;

namespace Sky.Contracts;

/// <summary>
/// <c>GET /services/NAME/configuration</c>: the service as the applied revision resolved it (every instance and
/// container with the keys it inherited, the defaults it got and the environment sky adds), and the source that
/// defines it. <see cref="Spec"/> is that resolved entry as JSON, keyed as <c>sky revision diff</c> names keys.
/// </summary>
public sealed record ServiceConfigurationView(string Name, long Revision, string? Source, JsonElement Spec);
