using System.CommandLine;
using System.CommandLine.Invocation;
using Sky.Api;

namespace Sky.Cli;

/// <summary>
/// <c>sky --version</c>: the same version <c>sky version</c> prints, read once by <see cref="SkyVersion"/>, instead of
/// System.CommandLine's own reading of the entry assembly (with a commit hash, or a test host's version in tests).
/// </summary>
public sealed class VersionFlag(TextWriter output) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        output.WriteLine(SkyVersion.Current);
        return ExitCodes.Ok;
    }
}
