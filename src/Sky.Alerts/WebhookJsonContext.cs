using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sky.Alerts;

/// <summary>
/// The webhook payload's JSON metadata from the source generator, so that posting it needs no reflection (native AOT
/// has none). Web defaults, as <c>PostAsJsonAsync</c> without options used; a <see cref="JsonObject"/> is written as
/// it is built either way.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
