using System.Text.Json;
using System.Text.Json.Serialization;
using Sky.Cli.Tests.Commands;

namespace Sky.Cli.Tests;

/// <summary>
/// What the tests read from the CLI's <c>-o json</c> output in shapes of their own: reflection-based serialization is
/// off in the tests as in the product, so these have their metadata from the source generator too.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<JobCommandTests.RunRow>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class CliTestJsonContext : JsonSerializerContext;
