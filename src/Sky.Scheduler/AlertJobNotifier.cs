using Sky.Alerts;
using Sky.Model;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>
/// Tells the maintainer through the alert channels (e-mail, webhooks), after writing the event log. A failed run opens
/// the job's incident, so a job failing every minute sends one alert, its escalation and reminders rather than a
/// message a minute; the next good run closes it with a notice. With <c>notify-on-completion</c> every good run is
/// reported as well.
/// </summary>
public sealed class AlertJobNotifier(IAlertSink alerts, EventLogJobNotifier eventLog) : IJobNotifier
{
    public async Task RunFinishedAsync(JobSpec job, JobRun run, CancellationToken cancellationToken)
    {
        await eventLog.RunFinishedAsync(job, run, cancellationToken);
        var kind = JobRunStates.IsFailure(run.State) ? SignalKind.JobFailed : SignalKind.JobCompleted;
        alerts.Signal(new AlertSignal(kind, job.Name, job.Name, null, job.Maintainer, JobRunSummary.Body(job, run), job.NotifyOnCompletion));
    }
}
