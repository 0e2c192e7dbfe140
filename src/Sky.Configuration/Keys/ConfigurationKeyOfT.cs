using Sky.Configuration.Reading;
using Sky.Configuration.Yaml;

namespace Sky.Configuration.Keys;

/// <summary>A key whose value reads as <typeparamref name="T"/>, a nullable type: null stands for "not set".</summary>
internal sealed class ConfigurationKey<T> : ConfigurationKey
{
    public ConfigurationKey()
    {
        // With a non-nullable value type, "not set" would read as 0 or false and an instance would never inherit.
        if (default(T) is not null)
        {
            throw new InvalidOperationException($"the value type of a configuration key must be nullable, not {typeof(T)}");
        }
    }

    /// <summary>Reads the value with one of the readers, which reports what is wrong and returns null.</summary>
    public required Func<KeyReaders, Node, string, T> Read { get; init; }

    public override object? ReadValue(KeyReaders readers, Node node, string path) => Read(readers, node, path);
}
