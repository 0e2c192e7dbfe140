using System.Text.RegularExpressions;

namespace Sky.Configuration.Values;

/// <summary>
/// Names of entries and instances. They end up in container, network and DNS names, hence the DNS-label rules.
/// </summary>
internal static partial class Names
{
    public const int MaxLength = 63;

    public static bool IsValid(string name) => name.Length <= MaxLength && NamePattern().IsMatch(name);

    public static string Problem(string name) =>
        $"'{name}' is not a valid name (use at most {MaxLength} lower-case letters, digits and '-', starting and ending with a letter or digit)";

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
