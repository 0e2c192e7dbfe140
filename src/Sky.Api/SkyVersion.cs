using System.Reflection;

namespace Sky.Api;

/// <summary>sky's own version, as built.</summary>
public static class SkyVersion
{
    public static string Current { get; } =
        typeof(SkyVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
