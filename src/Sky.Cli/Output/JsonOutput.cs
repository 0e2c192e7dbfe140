using System.Text.Json;

namespace Sky.Cli.Output;

/// <summary>Writes one JSON document to stdout, indented, in the API's shape.</summary>
public static class JsonOutput
{
    public static void Write(TextWriter output, object value) => output.WriteLine(JsonSerializer.Serialize(value, CliJson.Indented.GetTypeInfo(value.GetType())));
}
