using System.Text.Json.Serialization;

namespace Sky.Router.Down;

/// <summary>
/// The down page's JSON metadata from the source generator, so that writing it needs no reflection (native AOT has
/// none). Its own shape, older than the API's: camelCase, nulls written.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DownAnswer))]
internal sealed partial class DownJsonContext : JsonSerializerContext;
