using System.Text;

namespace Sky.Alerts;

/// <summary>The words stored and shown for kinds, groups and priorities: <c>check-failed</c>, <c>health</c>, <c>high</c>.</summary>
public static class SignalNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var text = value.ToString();
        var kebab = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => Of(v) == text);

    public static IncidentGroup GroupOf(SignalKind kind) => kind switch
    {
        SignalKind.Restarted or SignalKind.CrashLooping or SignalKind.CannotStart => IncidentGroup.Restarts,
        SignalKind.JobFailed or SignalKind.JobCompleted => IncidentGroup.Job,
        SignalKind.MetricRule or SignalKind.MetricRecovered => IncidentGroup.Metric,
        SignalKind.RolloutFailed or SignalKind.ConfigurationRejected => IncidentGroup.Deploy,
        _ => IncidentGroup.Health,
    };
}
