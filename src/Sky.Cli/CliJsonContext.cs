using System.Text.Json;
using System.Text.Json.Serialization;
using Sky.Cli.Output;

namespace Sky.Cli;

/// <summary>
/// The JSON metadata of what only the CLI writes (its <c>-o json</c> documents, an empty body), from the source
/// generator rather than reflection (native AOT has none). The options repeat <c>SkyJson</c>'s shape;
/// <see cref="CliJson"/> chains this after the contracts' context.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(AlertShowJson))]
[JsonSerializable(typeof(AttachJson))]
[JsonSerializable(typeof(BuildJson))]
[JsonSerializable(typeof(OperationJson))]
[JsonSerializable(typeof(SnitchJson))]
[JsonSerializable(typeof(ValidateJson))]
[JsonSerializable(typeof(VersionJson))]
[JsonSerializable(typeof(EmptyBody))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
