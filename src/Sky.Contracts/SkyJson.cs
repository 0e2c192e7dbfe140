using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sky.Contracts;

/// <summary>
/// One JSON shape for the whole API, written and read alike by the daemon and the CLI: camelCase, enums as strings,
/// nulls left out, numbers only as numbers (so the OpenAPI document says <c>number</c>, not "a number or a string").
/// </summary>
public static class SkyJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
