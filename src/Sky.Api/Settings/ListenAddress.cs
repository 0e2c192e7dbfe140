using System.Globalization;

namespace Sky.Api.Settings;

/// <summary>
/// The <c>HOST:PORT</c> a listener binds, as the settings file and the command line write it (<c>listen</c>,
/// <c>router.listen</c>, <c>--router-listen</c>), and the words that turn a listener off.
/// </summary>
public static class ListenAddress
{
    /// <summary>The words for "no plain-HTTP listener" in <c>router.listen</c> and <c>--router-listen</c>.</summary>
    public static IReadOnlyList<string> OffWords { get; } = ["off", "none"];

    public static bool IsOff(string text) => OffWords.Contains(text, StringComparer.Ordinal);

    /// <param name="anyPort">Whether port 0 (any free port, which the listener reports once bound) is allowed.</param>
    public static bool IsHostPort(string text, bool anyPort = false)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0
            && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port >= (anyPort ? 0 : 1) && port <= 65535;
    }
}
