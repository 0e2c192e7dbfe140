using Sky.Configuration.Keys;
using Sky.Configuration.Yaml;

namespace Sky.Configuration.Reading;

/// <summary>
/// The values of the keys of one mapping (an entry, an instance, a check), by row of the key table. A key without a
/// value is "not set here", which is what lets an instance inherit from its service.
/// </summary>
internal sealed class KeyValues
{
    private readonly Dictionary<ConfigurationKey, object> values = [];
    private readonly HashSet<ConfigurationKey> written = [];
    private readonly Dictionary<ConfigurationKey, Node> nodes = [];

    /// <summary>Every key of the mapping was known, allowed there, and read.</summary>
    public bool Complete { get; private set; } = true;

    public T Get<T>(ConfigurationKey<T> key) => this.values.TryGetValue(key, out var value) ? (T)value : default!;

    /// <summary>The value as stored, for code that handles every key alike.</summary>
    public object? this[ConfigurationKey key] => this.values.GetValueOrDefault(key);

    /// <summary>The mapping has the key, even with a value that could not be read (then "it is missing" would be noise).</summary>
    public bool Writes(ConfigurationKey key) => written.Contains(key);

    /// <summary>The keys that have a value.</summary>
    public IEnumerable<ConfigurationKey> Keys => this.values.Keys;

    /// <summary>Where the mapping wrote the key's value, for checks made after reading (<c>VIRTUAL_PORT</c> in <c>env</c>).</summary>
    public Node? Where(ConfigurationKey key) => this.nodes.GetValueOrDefault(key);

    public void Set(ConfigurationKey key, object? value)
    {
        if (value is null)
        {
            this.values.Remove(key);
        }
        else
        {
            this.values[key] = value;
        }
    }

    /// <summary>A key the mapping has, with its value as read: null when it could not be read.</summary>
    public void Read(ConfigurationKey key, object? value, Node node)
    {
        written.Add(key);
        this.nodes[key] = node;
        Set(key, value);
        Complete &= value is not null;
    }

    /// <summary>A key the mapping has that is unknown or not allowed there.</summary>
    public void Reject() => Complete = false;
}
