using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sky.Model.Deploys;
using Sky.Model.Routing;

namespace Sky.Model;

/// <summary>
/// A resolved entry (service, instance, container, job) as JSON, keyed as <c>sky revision diff</c> names keys: camelCase,
/// nulls left out, enums as kebab-case words (<c>on-failure</c>, <c>start-first</c>). Revision diffs compare entries in
/// this shape, and <c>GET /services/NAME/configuration</c> answers with it. Metadata comes from
/// <see cref="SpecJsonContext"/>, not reflection; each enum of the entries has its generic converter (the non-generic
/// one needs code made at run time, which native AOT has not).
/// </summary>
public static class SpecJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter<Balancing>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<CheckKind>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<DeployOrder>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<MissedRunPolicy>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<OverlapPolicy>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<RestartMode>(JsonNamingPolicy.KebabCaseLower),
        },
        TypeInfoResolver = SpecJsonContext.Default,
    };

    /// <summary><typeparamref name="T"/>'s metadata, for the serializer's overloads that need no reflection.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
