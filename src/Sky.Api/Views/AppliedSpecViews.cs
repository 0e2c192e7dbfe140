using System.Text.Json;
using Sky.Contracts;
using Sky.Model;

namespace Sky.Api.Views;

/// <summary>A resolved service in its wire shape: the keys named as revision diffs name them (<see cref="SpecJson"/>: camelCase, kebab-case values).</summary>
public static class AppliedSpecViews
{
    public static ServiceConfigurationView Of(ServiceSpec service, long revision) =>
        new(service.Name, revision, service.Source, JsonSerializer.SerializeToElement(service, SpecJson.Info<ServiceSpec>()));
}
