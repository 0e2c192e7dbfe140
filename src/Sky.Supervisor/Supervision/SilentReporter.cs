using Sky.Planning;

namespace Sky.Supervisor.Supervision;

/// <summary>The reporter of operations nobody watches live (the supervisor's healing): the event log has the outcome.</summary>
public sealed class SilentReporter : IOperationReporter
{
    public static SilentReporter Instance { get; } = new();

    public void PlanReady(Plan plan)
    {
    }

    public void Progress(StepProgress progress)
    {
    }

    public void Warning(string message)
    {
    }
}
