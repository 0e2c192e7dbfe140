namespace Sky.Api.Settings;

/// <summary>
/// The registry's address as the settings file (<c>registry:</c>) and <c>sky daemon --registry</c> write it:
/// <c>HOST:PORT</c>, exactly the prefix of the image names it holds (<c>127.0.0.1:5000/my-app:1.2</c>).
/// </summary>
public static class RegistryAddress
{
    /// <summary>What is wrong with <paramref name="text"/> as a registry address; null when nothing is.</summary>
    public static string? Problem(string text)
    {
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return $"'{text}' is a URL; give the registry as HOST:PORT (such as 127.0.0.1:5000), as image names carry it";
        }

        if (text.Contains('/', StringComparison.Ordinal) || text.Any(char.IsWhiteSpace) || !ListenAddress.IsHostPort(text) || text.StartsWith(':'))
        {
            return $"'{text}' is not HOST:PORT (such as 127.0.0.1:5000)";
        }

        return null;
    }
}
