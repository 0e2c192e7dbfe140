namespace Sky.OneOffs;

/// <summary>Labels a one-off container carries besides sky's base labels: what it was started from, by whom, and how.</summary>
public static class OneOffLabels
{
    public const string Image = "sky.image";
    public const string CreatedBy = "sky.created-by";

    /// <summary><see cref="ShellMode"/> for <c>sky container</c>, <see cref="RunMode"/> for <c>sky run</c>.</summary>
    public const string Mode = "sky.one-off";

    public const string ShellMode = "shell";
    public const string RunMode = "run";
}
