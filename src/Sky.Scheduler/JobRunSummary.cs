using System.Globalization;
using Sky.Model;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>The words every notifier uses for a finished run, so the event log and an e-mail say the same thing.</summary>
public static class JobRunSummary
{
    public static string Subject(JobSpec job, JobRun run) => run.State switch
    {
        JobRunState.Succeeded => $"job {job.Name} run {run.Number} succeeded",
        JobRunState.TimedOut => $"job {job.Name} run {run.Number} timed out",
        _ => $"job {job.Name} run {run.Number} failed" + (run.ExitCode is { } code ? $" with exit code {code}" : string.Empty),
    };

    /// <summary>Subject, timing, reason and the last lines of output.</summary>
    public static string Body(JobSpec job, JobRun run, int tailLines = 20)
    {
        var lines = new List<string>
        {
            Subject(job, run),
            $"trigger: {run.Trigger}",
            $"started: {run.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}",
            $"ended: {run.EndedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}",
            $"duration: {(run.Duration is { } d ? d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "-")}",
            $"exit code: {run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-"}",
        };
        if (run.Message is { Length: > 0 } message)
        {
            lines.Add($"reason: {message}");
        }

        var output = (run.Output ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (output.Length > 0)
        {
            lines.Add("output (last lines):");
            lines.AddRange(output.TakeLast(tailLines).Select(line => "  " + line));
        }

        return string.Join('\n', lines);
    }
}
