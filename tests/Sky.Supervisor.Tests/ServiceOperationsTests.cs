using Sky.Configuration;
using Sky.Planning;

namespace Sky.Supervisor.Tests;

public sealed class ServiceOperationsTests : IDisposable
{
    private readonly SupervisionParts parts = new();

    [Fact]
    public async Task Apply_reports_the_configuration_s_warnings_and_still_applies_it()
    {
        var reporter = new WarningReporter();
        var yaml = "app:\n  image: app\n  alerts: [ { metric: memory.percnt, below: 10 } ]\n";

        var revision = await parts.Operations.ApplyAsync("test", [new ConfigurationFile("services.yml", yaml)], reporter, CancellationToken.None);

        Assert.Equal(1, revision);
        Assert.Contains(
            reporter.Warnings,
            w => w.StartsWith("services.yml:3:23: app.alerts[0].metric: sky measures no metric 'memory.percnt' (did you mean 'memory.percent'?)", StringComparison.Ordinal));
    }

    public void Dispose() => parts.Dispose();

    /// <summary>Keeps the warnings an operation reports; its plan and progress are not what these tests are about.</summary>
    private sealed class WarningReporter : IOperationReporter
    {
        public List<string> Warnings { get; } = [];

        public void PlanReady(Plan plan)
        {
        }

        public void Progress(StepProgress progress)
        {
        }

        public void Warning(string message) => Warnings.Add(message);
    }
}
