namespace Sky.Configuration.Keys;

/// <summary>What an instance's value of a key does with its service's value.</summary>
internal enum Inheritance
{
    /// <summary>The instance's value, when it has one, replaces the service's.</summary>
    Replace,

    /// <summary>
    /// Mappings merge key by key, the instance's value winning for a key both have (<c>env</c>); nested mappings of
    /// keys (<c>router:</c> and its <c>breaker:</c>) merge the same way at every depth.
    /// </summary>
    MergeByKey,

    /// <summary>
    /// <c>image</c> and <c>version</c> of both levels are resolved together, the more specific winning: an instance's
    /// <c>version</c> retags its service's image (see <see cref="Resolution.ImageResolver"/>).
    /// </summary>
    ImageAndVersion,

    /// <summary>An instance may write it, but the service's value is the one used (one per service).</summary>
    ServiceValue,
}
