using System.Text.Json;

namespace Sky.Testing;

/// <summary>What a serializer meets, for tests that check every type a JSON shape reaches (its enums' converters).</summary>
public static class JsonTypesReached
{
    /// <summary>Every type <paramref name="options"/> meets writing <paramref name="roots"/>: their properties', elements' and keys' types.</summary>
    public static HashSet<Type> From(JsonSerializerOptions options, IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var waiting = new Queue<Type>(roots);
        while (waiting.TryDequeue(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type))
            {
                continue;
            }

            var info = options.GetTypeInfo(type);
            foreach (var next in info.Properties.Select(p => p.PropertyType).Append(info.ElementType).Append(info.KeyType).OfType<Type>())
            {
                waiting.Enqueue(next);
            }
        }

        return seen;
    }
}
