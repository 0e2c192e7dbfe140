namespace Sky.Model.Deploys;

/// <summary>
/// The name a container is given while it retires in a start-first rollout: its replacement takes its own name, and
/// it serves under this one until the replacement is healthy, then is drained and removed. Names from the
/// configuration hold only letters, digits and dashes, so one with a dot is never a wanted container's; a daemon cut
/// short mid-rollout finds it a stray copy of the wanted one (its labels say which) and removes it.
/// </summary>
public static class RetiringNames
{
    public const string Suffix = ".retiring";

    public static string Of(string container) => container + Suffix;
}
