using Sky.Planning;

namespace Sky.Supervisor;

/// <summary>Receives an operation's plan before it runs, then each step's progress (from several threads).</summary>
public interface IOperationReporter
{
    void PlanReady(Plan plan);

    void Progress(StepProgress progress);

    /// <summary>Something the person who asked should know that does not stop the operation (an image not on the engine).</summary>
    void Warning(string message);

    /// <summary>What an apply changed in the configuration (an entry added, changed or removed), before its plan runs.</summary>
    void Changed(string message)
    {
    }
}
