using Sky.Planning;

namespace Sky.Supervisor.Tests.Revisions;

/// <summary>Keeps what an operation reports: its warnings, its changes and the steps it failed.</summary>
internal sealed class RecordingReporter : IOperationReporter
{
    public List<string> Warnings { get; } = [];

    public List<string> Changes { get; } = [];

    public List<string> Failed { get; } = [];

    public void PlanReady(Plan plan)
    {
    }

    public void Progress(StepProgress progress)
    {
        if (progress.Status == StepStatus.Failed)
        {
            lock (Failed)
            {
                Failed.Add($"{progress.Target}: {progress.Message}");
            }
        }
    }

    public void Warning(string message) => Warnings.Add(message);

    public void Changed(string message) => Changes.Add(message);
}
