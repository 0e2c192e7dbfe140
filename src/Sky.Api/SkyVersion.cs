using System.Reflection;

namespace Sky.Api;

/// <summary>
/// sky's own version, as built (Directory.Build.props gives every assembly the same): what <c>sky version</c>,
/// <c>sky --version</c> and the daemon's <c>/version</c> say, without the commit hash the SDK appends.
/// </summary>
public static class SkyVersion
{
    public static string Current { get; } =
        typeof(SkyVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
