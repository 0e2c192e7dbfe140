using System.Text.RegularExpressions;

namespace Sky.Cli.Tests.Design;

/// <summary>
/// A design rule checked like a lint rule: the CLI reads the daemon through the wire contracts (<c>Sky.Contracts</c>)
/// only, never through the daemon's storage, supervisor, scheduler or engine types, so the daemon can change those
/// without breaking the CLI. Only <c>sky daemon</c> (which starts the daemon: the composition root) and
/// <c>sky validate</c> (which checks files locally with the configuration library) reach past the contracts.
/// </summary>
public sealed partial class WireContractRuleTests
{
    private static readonly string[] Exempt = ["Commands/DaemonCommand.cs", "Commands/ValidateCommand.cs"];

    [Fact]
    public void No_cli_file_but_daemon_and_validate_uses_the_daemons_inner_namespaces()
    {
        var root = CliSourceFolder();

        var offences = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(file => !file.StartsWith("obj/", StringComparison.Ordinal) && !file.StartsWith("bin/", StringComparison.Ordinal) && !Exempt.Contains(file))
            .SelectMany(file => Offences(File.ReadAllText(Path.Combine(root, file))).Select(o => $"src/Sky.Cli/{file}:{o.Line}: {o.Namespace}"))
            .ToList();

        Assert.True(offences.Count == 0, "the CLI must read the daemon through Sky.Contracts only; found:\n" + string.Join('\n', offences));
    }

    [Theory]
    [InlineData("using Sky.Store;", "Sky.Store")]
    [InlineData("using Sky.Api.OneOffs;", "Sky.Api.OneOffs")]
    [InlineData("using Sky.OneOffs.Snitch;", "Sky.OneOffs")]
    [InlineData("using static Sky.Supervisor.ContainerStatus;", "Sky.Supervisor")]
    [InlineData("using Run = Sky.Store.JobRun;", "Sky.Store")]
    [InlineData("var target = Sky.Alerts.AlertMessages.Target(a, b);", "Sky.Alerts")]
    [InlineData("List<Sky.Scheduler.JobOverview> jobs = [];", "Sky.Scheduler")]
    public void The_rule_sees_a_using_an_alias_and_a_qualified_name(string code, string expected)
    {
        var offence = Assert.Single(Offences("namespace Sky.Cli.Commands;\n\n" + code + "\n"));

        Assert.Equal((3, expected), offence);
    }

    [Theory]
    [InlineData("using Sky.Contracts;")]
    [InlineData("using Sky.Api;")]
    [InlineData("using Sky.StoreFront;")]
    [InlineData("// Sky.Store keeps the runs; the CLI reads them through the API.")]
    [InlineData("/* Sky.Supervisor decides,\n   the CLI only asks. */")]
    [InlineData("var address = \"http://127.0.0.1:7070\"; // not Sky.Runtime")]
    public void The_rule_lets_contracts_the_api_root_and_comments_pass(string code)
    {
        Assert.Empty(Offences(code));
    }

    /// <summary>Every mention of a forbidden namespace outside comments, with its line.</summary>
    internal static IEnumerable<(int Line, string Namespace)> Offences(string source)
    {
        // Block comments become blank lines, so the line numbers of what follows stay right.
        var code = BlockComment().Replace(source, m => new string('\n', m.Value.Count(c => c == '\n')));
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in Forbidden().Matches(LineComment().Replace(lines[i], string.Empty)))
            {
                yield return (i + 1, match.Value);
            }
        }
    }

    private static string CliSourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "sky.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Sky.Cli");
            }
        }

        throw new DirectoryNotFoundException("sky.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The daemon's inner parts; <c>Sky.Api</c> itself (the version, the default address) and <c>Sky.Contracts</c> are fine.</summary>
    [GeneratedRegex(@"\bSky\.(Store|Supervisor|Scheduler|Runtime|Feed|Planning|Alerts|Configuration|Model|OneOffs|Api\.(OneOffs|Events|Endpoints|Settings|Views|Maintenance))\b")]
    private static partial Regex Forbidden();

    [GeneratedRegex(@"(^|\s)//.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();
}
