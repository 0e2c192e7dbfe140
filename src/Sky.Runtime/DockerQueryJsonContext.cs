using System.Text.Json.Serialization;

namespace Sky.Runtime;

/// <summary>
/// The <c>filters</c> parameter's JSON metadata from the source generator, so that writing it needs no reflection
/// (native AOT has none). Default options, as before: the engine reads <c>{"label":["k=v"]}</c>.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, IReadOnlyList<string>>))]
internal sealed partial class DockerQueryJsonContext : JsonSerializerContext;
