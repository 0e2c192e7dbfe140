namespace Sky.Cli.Output;

/// <summary>Tables and sentences for people, JSON for scripts.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
