using System.Text.Json;
using Sky.Contracts;

namespace Sky.Cli.Output;

/// <summary>Writes one JSON document to stdout, indented, in the API's shape.</summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions Indented = new(SkyJson.Options) { WriteIndented = true };

    public static void Write(TextWriter output, object value) => output.WriteLine(JsonSerializer.Serialize(value, Indented));
}
