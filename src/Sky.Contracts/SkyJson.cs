using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Sky.Contracts;

/// <summary>
/// One JSON shape for the whole API, written and read alike by the daemon and the CLI: camelCase, enums as strings,
/// nulls left out, numbers only as numbers (so the OpenAPI document says <c>number</c>, not "a number or a string").
/// The types' metadata comes from <see cref="SkyJsonContext"/>, never from reflection, so that it works in a native AOT
/// build; a contract that carries an enum adds its <c>JsonStringEnumConverter&lt;TEnum&gt;(JsonNamingPolicy.CamelCase)</c>
/// here (the non-generic converter needs code made at run time; SkyJsonTests fails for an enum without one).
/// </summary>
public static class SkyJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;

        // The context alone, in place of whatever the options held: where reflection is on by default (ASP.NET's options
        // in a process that turns it on), a type missing from the context still fails rather than falling back to it.
        options.TypeInfoResolver = SkyJsonContext.Default;
        return options;
    }

    /// <summary>
    /// <typeparamref name="T"/>'s metadata in these options, for the serializer's overloads that need no reflection
    /// (<c>JsonSerializer.Serialize(value, SkyJson.Info&lt;T&gt;())</c>). Throws for a type <see cref="SkyJsonContext"/> does not name.
    /// </summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
