using System.Text.Json;
using Sky.Model.Routing;
using Sky.Testing;

namespace Sky.Model.Tests;

/// <summary>The resolved entries' JSON shape (revision diffs, a service's configuration), with metadata from the source generator only.</summary>
public sealed class SpecJsonTests
{
    private static readonly Type[] Entries = [typeof(ServiceSpec), typeof(InstanceSpec), typeof(ContainerSpec), typeof(JobSpec)];

    [Fact]
    public void Every_enum_of_an_entry_is_written_as_a_kebab_case_word()
    {
        var enums = JsonTypesReached.From(SpecJson.Options, Entries).Where(t => t.IsEnum).ToList();

        Assert.Contains(typeof(RestartMode), enums);
        Assert.All(enums.SelectMany(t => Enum.GetValues(t).Cast<Enum>()), value => Assert.Equal(
            $"\"{JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString())}\"",
            JsonSerializer.Serialize(value, SpecJson.Options.GetTypeInfo(value.GetType()))));
    }

    [Fact]
    public void A_service_is_keyed_in_camel_case_without_nulls()
    {
        var service = new ServiceSpec
        {
            Name = "web",
            Instances =
            [
                new InstanceSpec
                {
                    Service = "web",
                    Name = "production",
                    Network = "sky-web-production",
                    Containers = [],
                    Router = new RouterSettings { Balancing = Balancing.LeastRequests },
                },
            ],
        };

        var text = JsonSerializer.Serialize(service, SpecJson.Info<ServiceSpec>());

        Assert.StartsWith("""{"name":"web","instances":[{"service":"web","name":"production","network":"sky-web-production","containers":[]""", text, StringComparison.Ordinal);
        Assert.Contains("\"balancing\":\"least-requests\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("null", text, StringComparison.Ordinal);
    }
}
