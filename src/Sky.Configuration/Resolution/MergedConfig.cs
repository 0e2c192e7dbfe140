using Sky.Configuration.Keys;
using Sky.Configuration.Reading;

namespace Sky.Configuration.Resolution;

/// <summary>
/// The keys that build one container: an entry's own, or an instance's laid over its service's, each as its row's
/// <see cref="Inheritance"/> says (<c>env</c> merged key by key, <c>image</c> and <c>version</c> resolved together,
/// everything else replaced).
/// </summary>
internal sealed class MergedConfig
{
    private readonly KeyValues values;

    private MergedConfig(string? image, KeyValues values)
    {
        Image = image;
        this.values = values;
    }

    /// <summary>The image reference with its tag, from the image and version of both levels.</summary>
    public string? Image { get; }

    public T Get<T>(ConfigurationKey<T> key) => this.values.Get(key);

    public static MergedConfig Of(KeyValues service, KeyValues? instance = null)
    {
        var merged = new KeyValues();
        foreach (var key in ConfigurationKeys.OfEntries)
        {
            merged.Set(key, key.Inherit(service[key], instance?[key]));
        }

        return new MergedConfig(ImageResolver.Resolve(service, instance), merged);
    }
}
