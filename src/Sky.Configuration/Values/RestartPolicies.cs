using System.Globalization;
using Sky.Model;

namespace Sky.Configuration.Values;

/// <summary><c>no</c>, <c>on-failure</c>, <c>on-failure:N</c>, <c>always</c>, <c>unless-stopped</c>.</summary>
internal static class RestartPolicies
{
    public const string Hint = "(use no, on-failure, on-failure:N, always or unless-stopped)";

    public static bool TryParse(string text, out RestartPolicy? policy)
    {
        // Compared case-insensitively: YAML 1.1 also reads No and NO as the boolean, and we take them all as "no".
        var value = text.Trim().ToLowerInvariant();
        policy = value switch
        {
            "no" => new RestartPolicy(RestartMode.No, 0),
            "on-failure" => new RestartPolicy(RestartMode.OnFailure, 0),
            "always" => new RestartPolicy(RestartMode.Always, 0),
            "unless-stopped" => new RestartPolicy(RestartMode.UnlessStopped, 0),
            _ => null,
        };
        if (policy is null && value.StartsWith("on-failure:", StringComparison.Ordinal)
            && int.TryParse(value["on-failure:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var retries))
        {
            policy = new RestartPolicy(RestartMode.OnFailure, retries);
        }

        return policy is not null;
    }
}
