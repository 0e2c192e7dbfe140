using System.Text.Json;
using System.Text.Json.Serialization;
using Sky.Contracts;
using Sky.Model;

namespace Sky.Api.Views;

/// <summary>A resolved service in its wire shape: the keys named as revision diffs name them (camelCase, kebab-case values).</summary>
public static class AppliedSpecViews
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static ServiceConfigurationView Of(ServiceSpec service, long revision) =>
        new(service.Name, revision, service.Source, JsonSerializer.SerializeToElement(service, Options));
}
