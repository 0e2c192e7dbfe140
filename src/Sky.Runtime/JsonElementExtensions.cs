using System.Text.Json;

namespace Sky.Runtime;

/// <summary>
/// Tolerant reads of engine answers: the engine sends <c>null</c> for empty maps and lists and leaves out
/// fields that older API versions lack, so every read has a default instead of throwing.
/// </summary>
internal static class JsonElementExtensions
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long Int64(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : 0;

    public static bool Boolean(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.True };

    public static IReadOnlyDictionary<string, string> StringMap(this JsonElement element, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.Child(name) is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var property in value.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return map;
    }

    public static IReadOnlyList<string> StringList(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Array } value
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    /// <summary>A timestamp as the engine writes it; the engine's zero time (<c>0001-01-01T00:00:00Z</c>) means "never".</summary>
    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        element.String(name) is { } text && DockerTimestamp.TryParse(text, out var time) && time.Year > 1 ? time : null;
}
