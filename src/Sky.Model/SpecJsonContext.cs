using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sky.Model;

/// <summary>
/// The resolved entries' JSON metadata, made by the source generator at build time (no reflection, so native AOT can
/// write them). The options repeat <see cref="SpecJson"/>'s shape; <see cref="SpecJson.Options"/> is what callers use.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServiceSpec))]
[JsonSerializable(typeof(InstanceSpec))]
[JsonSerializable(typeof(ContainerSpec))]
[JsonSerializable(typeof(JobSpec))]
public sealed partial class SpecJsonContext : JsonSerializerContext;
