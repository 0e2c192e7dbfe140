using System.Text.Json.Serialization;

namespace Sky.Api;

/// <summary>
/// Types the OpenAPI document names that are no contract: the build context's <see cref="Stream"/> body
/// (<c>POST /images/build</c>). The document asks the JSON options for the metadata of every type it describes, and
/// without reflection only a context can give it; the document then writes a stream as binary, whatever its metadata.
/// </summary>
[JsonSerializable(typeof(Stream))]
internal sealed partial class ApiDocumentJsonContext : JsonSerializerContext;
