using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sky.Api;

/// <summary>One JSON shape for the whole API: camelCase, enums as strings, nulls left out.</summary>
public static class SkyJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
