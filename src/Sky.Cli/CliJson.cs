using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sky.Contracts;

namespace Sky.Cli;

/// <summary>
/// The API's JSON shape (<see cref="SkyJson"/>) for what the CLI writes: the contracts, and the CLI's own documents
/// (<see cref="CliJsonContext"/>), with metadata from the source generator, never reflection. Request bodies and
/// <c>-o json</c> documents are written as the type they are at run time (<c>GetTypeInfo(value.GetType())</c>), as the
/// serializer did when they were handed to it as <c>object</c>.
/// </summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(SkyJson.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(SkyJson.Options.TypeInfoResolver, CliJsonContext.Default),
    };

    /// <summary>For people reading stdout: <c>-o json</c> documents, indented.</summary>
    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };
}
