using Sky.Configuration.Keys;
using Sky.Configuration.Yaml;

namespace Sky.Configuration.Reading;

/// <summary>
/// A key whose value is a mapping of keys of the table (<c>router:</c>, and <c>breaker:</c> under it), with where it
/// was written. An instance's merges over its service's key by key, at every depth: an instance that only sets
/// <c>router: { balancing: least-requests }</c> keeps the breaker and down page its service set.
/// </summary>
internal sealed record NestedKeys(KeyValues Values, Node Node, string Path)
{
    /// <summary>This (the instance's) laid over <paramref name="service"/>; where it was is this one's, the more specific.</summary>
    public NestedKeys Over(NestedKeys service)
    {
        var merged = new KeyValues();
        foreach (var key in service.Values.Keys.Union(Values.Keys))
        {
            merged.Set(key, (service.Values[key], Values[key]) switch
            {
                (NestedKeys parent, NestedKeys own) => own.Over(parent),
                (var parent, var own) => own ?? parent,
            });
        }

        return this with { Values = merged };
    }
}
