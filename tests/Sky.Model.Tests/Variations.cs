using System.Reflection;

namespace Sky.Model.Tests;

/// <summary>
/// Values that differ from a given one, for tests that change every property of a record in turn. Records are
/// varied one property at a time, down to the fields of the items of their lists, so that a field nobody thought
/// of is still changed. A type it cannot vary fails the test: a new kind of property has to be thought about.
/// </summary>
internal static class Variations
{
    /// <summary>Copies of <paramref name="record"/> with the one property changed, each with what was changed.</summary>
    public static IEnumerable<(string What, T Changed)> OfProperty<T>(T record, PropertyInfo property)
        where T : class
    {
        foreach (var (what, value) in Of(property, property.GetValue(record)))
        {
            yield return ($"{property.Name} {what}", With(record, property, value));
        }
    }

    private static IEnumerable<(string What, object? Value)> Of(PropertyInfo property, object? value)
    {
        if (value is null)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            Assert.True(type == typeof(string) || type.IsValueType, $"give {property.DeclaringType!.Name}.{property.Name} a value in the sample");
            return [("set", type == typeof(string) ? "x" : Activator.CreateInstance(type))];
        }

        // A context is not safe to share between tests that run at the same time.
        var nullable = new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
        return nullable ? [.. Of(value), ("unset", null)] : Of(value);
    }

    private static IEnumerable<(string What, object? Value)> Of(object value)
    {
        switch (value)
        {
            case string text:
                return [($"'{text}' → '{text}x'", text + "x")];
            case int number:
                return [($"{number} → {number + 1}", number + 1)];
            case long number:
                return [($"{number} → {number + 1}", number + 1)];
            case double number:
                return [($"{number} → {number + 0.5}", number + 0.5)];
            case bool flag:
                return [($"{flag} → {!flag}", !flag)];
            case TimeSpan span:
                return [($"{span} → {span + TimeSpan.FromSeconds(1)}", span + TimeSpan.FromSeconds(1))];
            case Enum choice:
                var values = Enum.GetValues(choice.GetType());
                var next = values.GetValue((Array.IndexOf(values, choice) + 1) % values.Length)!;
                return [($"{choice} → {next}", next)];
            case IReadOnlyDictionary<string, string> map:
                return OfMap(map);
            case IEnumerable<object> list:
                return OfList(list.ToList(), value.GetType());
            case IEnumerable<int> list:
                return OfList(list.Cast<object>().ToList(), value.GetType());
            default:
                return IsRecord(value.GetType())
                    ? OfRecord(value)
                    : throw new InvalidOperationException($"Variations cannot change a {value.GetType()}; teach it how.");
        }
    }

    private static IEnumerable<(string What, object? Value)> OfMap(IReadOnlyDictionary<string, string> map)
    {
        Assert.True(map.Count > 0, "give the sample a non-empty mapping, so that changing one of its values is tried");
        yield return ("with one more entry", new Dictionary<string, string>(map) { ["ADDED"] = "1" });
        var first = map.Keys.First();
        yield return ($"with {first} changed", new Dictionary<string, string>(map) { [first] = map[first] + "x" });
    }

    private static IEnumerable<(string What, object? Value)> OfList(List<object> items, Type listType)
    {
        Assert.True(items.Count > 0, $"give the sample a non-empty {listType}, so that changing its items is tried");
        var itemType = listType.GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .GetGenericArguments()[0];
        yield return ("without its last item", Typed(items.SkipLast(1), itemType));
        yield return ("with its first item twice", Typed(items.Prepend(items[0]), itemType));
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var (what, item) in Of(items[i]))
            {
                var changed = items.ToList();
                changed[i] = item!;
                yield return ($"[{i}] {what}", Typed(changed, itemType));
            }
        }
    }

    private static IEnumerable<(string What, object? Value)> OfRecord(object record)
    {
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            foreach (var (what, value) in Of(property, property.GetValue(record)))
            {
                yield return ($".{property.Name} {what}", With(record, property, value));
            }
        }
    }

    /// <summary>What <c>record with { Property = value }</c> does, by reflection.</summary>
    private static T With<T>(T record, PropertyInfo property, object? value)
        where T : class
    {
        var copy = (T)record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        property.SetValue(copy, value);
        return copy;
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static object Typed(IEnumerable<object> items, Type itemType)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
