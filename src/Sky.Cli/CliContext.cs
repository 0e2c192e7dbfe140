using Sky.Cli.Output;

namespace Sky.Cli;

/// <summary>Where a command writes and in which format; tests hand in their own writers.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, OutputFormat Format, string? Address)
{
    public SkyClient Client() => new(Address);
}
