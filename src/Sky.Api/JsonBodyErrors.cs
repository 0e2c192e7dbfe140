using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sky.Api;

/// <summary>
/// A request body that does not read as the JSON an endpoint takes, said so that people find the mistake: what is wrong,
/// where (line and byte, counted from 1 as editors count) and in which field (<c>$.files[0].content</c>), in words rather
/// than .NET type names.
/// </summary>
public static partial class JsonBodyErrors
{
    private const string AnObject = "an object";

    private static readonly string[] CollectionNames = ["List", "Enumerable", "Collection", "Set"];

    public static string Describe(JsonException exception)
    {
        var where = new List<string>();
        if (exception.LineNumber is { } line)
        {
            where.Add($"line {line + 1}");
        }

        if (exception.BytePositionInLine is { } position)
        {
            where.Add($"byte {position + 1}");
        }

        if (!string.IsNullOrEmpty(exception.Path))
        {
            where.Add($"field {exception.Path}");
        }

        return $"the request body is not the JSON this endpoint takes: {Reason(exception.Message)}"
            + (where.Count > 0 ? $" ({string.Join(", ", where)})" : string.Empty);
    }

    /// <summary>The reader's own sentence without the position it appends (given above in words).</summary>
    private static string Reason(string message)
    {
        var end = message.IndexOf(" Path: ", StringComparison.Ordinal);
        end = end >= 0 ? end : message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        var reason = (end >= 0 ? message[..end] : message).Trim();
        var conversion = ConversionFailure().Match(reason);
        if (!conversion.Success)
        {
            return reason.TrimEnd('.');
        }

        // An object's constructor parameter that does not convert is reported under the object's own type, which says
        // nothing of what the field wanted: then only that it is of the wrong kind.
        var kind = Kind(conversion.Groups["type"].Value);
        return kind == AnObject ? "this value is of the wrong kind" : $"expected {kind}";
    }

    /// <summary><c>System.Collections.Generic.IReadOnlyList`1[Sky.Contracts.FileContent]</c> → <c>a list</c>.</summary>
    private static string Kind(string typeName)
    {
        if (typeName.EndsWith("[]", StringComparison.Ordinal))
        {
            return "a list";
        }

        var outer = typeName.Split('`', '[')[0];
        var name = outer[(outer.LastIndexOf('.') + 1)..];
        if (name == "Nullable" && typeName.IndexOf('[', StringComparison.Ordinal) is var open and > 0)
        {
            return Kind(typeName[(open + 1)..].TrimEnd(']'));
        }

        return name switch
        {
            "String" or "Char" => "a string",
            "Boolean" => "true or false",
            "Byte" or "SByte" or "Int16" or "UInt16" or "Int32" or "UInt32" or "Int64" or "UInt64" or "Single" or "Double" or "Decimal" => "a number",
            "DateTime" or "DateTimeOffset" => "a time (2026-11-29T17:00:00Z)",
            "TimeSpan" => "a duration",
            _ when typeName.Contains('`', StringComparison.Ordinal) && CollectionNames.Any(c => name.EndsWith(c, StringComparison.Ordinal)) => "a list",
            _ when typeName.Contains('`', StringComparison.Ordinal) && name.EndsWith("Dictionary", StringComparison.Ordinal) => AnObject,
            _ => AnObject,
        };
    }

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)\.$")]
    private static partial Regex ConversionFailure();
}
