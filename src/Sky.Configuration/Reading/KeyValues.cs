using Sky.Configuration.Keys;

namespace Sky.Configuration.Reading;

/// <summary>
/// The values of the keys of one mapping (an entry, an instance, a check), by row of the key table. A key without a
/// value is "not set here", which is what lets an instance inherit from its service.
/// </summary>
internal sealed class KeyValues
{
    private readonly Dictionary<ConfigurationKey, object> values = [];
    private readonly HashSet<ConfigurationKey> written = [];

    /// <summary>Every key of the mapping was known, allowed there, and read.</summary>
    public bool Complete { get; private set; } = true;

    public T Get<T>(ConfigurationKey<T> key) => this.values.TryGetValue(key, out var value) ? (T)value : default!;

    /// <summary>The value as stored, for code that handles every key alike.</summary>
    public object? this[ConfigurationKey key] => this.values.GetValueOrDefault(key);

    /// <summary>The mapping has the key, even with a value that could not be read (then "it is missing" would be noise).</summary>
    public bool Writes(ConfigurationKey key) => written.Contains(key);

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
    public void Read(ConfigurationKey key, object? value)
    {
        written.Add(key);
        Set(key, value);
        Complete &= value is not null;
    }

    /// <summary>A key the mapping has that is unknown or not allowed there.</summary>
    public void Reject() => Complete = false;
}
