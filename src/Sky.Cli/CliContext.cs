using Sky.Cli.Output;

namespace Sky.Cli;

/// <summary>Where a command writes and in which format; tests hand in their own writers.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, OutputFormat Format, string? Address)
{
    /// <summary>
    /// Where sentences for people go: stdout, except when JSON is asked for, whose stdout holds the JSON alone (a script
    /// parses it while a person still sees the rest).
    /// </summary>
    public TextWriter Human => Format == OutputFormat.Json ? Error : Out;

    public SkyClient Client() => new(Address);
}
