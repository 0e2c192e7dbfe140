using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model;
using Sky.Runtime;
using Sky.Scheduler.Arming;
using Sky.Store;

namespace Sky.Scheduler;

/// <summary>
/// Runs one job run to its end: releases the container armed for it, or creates and starts one, waits for it (bounded by the job's timeout, or until
/// the replace policy stops it), records exit code and output, removes the container and notifies. When the daemon
/// shuts down mid-run it leaves the container and the record alone: the next start adopts them.
/// </summary>
public sealed class JobRunner(
    IContainerRuntime runtime,
    JobRunRepository runs,
    IJobNotifier notifier,
    ArmedContainers armory,
    Naming naming,
    TimeProvider clock,
    JobSchedulerOptions options,
    ILogger<JobRunner> logger,
    IOutputKeeper? output = null,
    IContainerEnvironment? environment = null,
    ImageSource? images = null)
{
    private readonly ImageSource images = images ?? new ImageSource(runtime);

    internal async Task RunAsync(ActiveRun run, Task? after, CancellationToken shutdown)
    {
        if (after is not null)
        {
            // Replace: the new run starts once the old one is stopped, so two never run at once.
            await after.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        if (armory.Claim(run.Job) is { } armed)
        {
            await RunArmedAsync(run, armed, shutdown);
            return;
        }

        string? containerId = null;
        DateTimeOffset startedAt;
        try
        {
            foreach (var volume in run.Job.Volumes.Where(v => !v.IsHostPath))
            {
                await runtime.EnsureVolumeAsync(volume.Source, naming.BaseLabels(SkyLabels.JobKind), shutdown);
            }

            // Pulled from the daemon's registry when that is where it is; sky pulls from nowhere else.
            if (!await images.EnsureOnEngineAsync(run.Job.Image, null, shutdown))
            {
                throw new InvalidOperationException($"image {run.Job.Image} is not on {images.Places(run.Job.Image)} ({images.Advice(run.Job.Image)})");
            }

            containerId = await runtime.CreateContainerAsync(Request(run), shutdown);
            await runtime.StartContainerAsync(containerId, shutdown);
            startedAt = clock.GetUtcNow();
            runs.MarkStarted(run.Id, startedAt, containerId);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            var error = exception.Message;
            if (exception is EngineException { StatusCode: 409 } && containerId is null)
            {
                // Run numbers are the data folder's own: another daemon of the namespace may hold this run's name.
                error = await runtime.HeldByAnotherDaemonAsync(naming, naming.JobRun(run.Job.Name, run.Id), CancellationToken.None) ?? error;
            }

            logger.LogWarning("job {Job} run {Run} could not start: {Error}", run.Job.Name, run.Id, error);
            await runtime.RemoveQuietlyAsync(containerId, logger);
            await CompleteAsync(run.Job, run.Id, JobRunState.Failed, null, null, $"could not start: {error}");
            return;
        }

        await FollowAsync(run, containerId, startedAt, shutdown);
    }

    /// <summary>
    /// The run goes into the container armed for it: one line lets its command go, so it starts now and not after the
    /// engine has created and started a container. The pipe stays open until the run ends, so a shell that was still
    /// starting when released finds the line when it gets there.
    /// </summary>
    private async Task RunArmedAsync(ActiveRun run, ArmedContainer armed, CancellationToken shutdown)
    {
        using (armed)
        {
            armed.Release();
            var startedAt = clock.GetUtcNow();
            runs.MarkStarted(run.Id, startedAt, armed.Id);
            await FollowAsync(run, armed.Id, startedAt, shutdown);
        }
    }

    /// <summary>Waits for a started container (or an adopted one) and records how it ended.</summary>
    internal async Task FollowAsync(ActiveRun run, string containerId, DateTimeOffset startedAt, CancellationToken shutdown)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        try
        {
            var wait = runtime.WaitContainerAsync(containerId, waiting.Token);
            var limit = run.Job.Timeout;
            var timeout = limit is { } l
                ? Task.Delay(Positive(startedAt + l - clock.GetUtcNow()), clock, waiting.Token)
                : Task.Delay(Timeout.InfiniteTimeSpan, clock, waiting.Token);
            var first = await Task.WhenAny(wait, timeout, run.StopRequested);
            shutdown.ThrowIfCancellationRequested();
            var state = JobRunState.Succeeded;
            string? reason = null;
            if (first != wait)
            {
                (state, reason) = first == timeout
                    ? (JobRunState.TimedOut, $"timed out after {Words(limit!.Value)}")
                    : (JobRunState.Failed, await run.StopRequested);
                await runtime.StopContainerAsync(containerId, options.StopGrace, shutdown);
            }

            var exitCode = await wait;
            await waiting.CancelAsync();
            if (state == JobRunState.Succeeded && exitCode != 0)
            {
                state = JobRunState.Failed;
            }

            // The log store keeps the run's output once the container is gone: it reads it to the end first, and
            // before the run is said to be over, so `sky job logs` right after a run finds its last lines.
            await (output ?? NoOutputKeeper.Instance).ReadToEndAsync(containerId, shutdown);
            var text = await CollectOutputAsync(containerId, shutdown);
            await CompleteAsync(run.Job, run.Id, state, exitCode, text, reason);
            await runtime.RemoveQuietlyAsync(containerId, logger);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            // The daemon is stopping: the container keeps running and is adopted at the next start.
        }
        catch (Exception exception)
        {
            logger.LogWarning("job {Job} run {Run}: lost track of its container: {Error}", run.Job.Name, run.Id, exception.Message);
            await CompleteAsync(run.Job, run.Id, JobRunState.Failed, null, null, $"lost track of the container: {exception.Message}");
            await runtime.RemoveQuietlyAsync(containerId, logger);
        }
    }

    /// <summary>Records the end of a run (once) and hands it to the notifier, which decides who hears of it.</summary>
    internal async Task CompleteAsync(JobSpec job, long id, JobRunState state, long? exitCode, string? output, string? message)
    {
        if (!runs.Finish(id, state, exitCode, output, message) || runs.Get(job.Name, id) is not { } run)
        {
            return;
        }

        logger.LogInformation("job {Job} run {Run} {State} (exit code {ExitCode})", job.Name, id, JobRunStates.ToText(state), exitCode);
        try
        {
            // Never the shutdown token: a notice about a run that ended is worth the moment it takes.
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await notifier.RunFinishedAsync(job, run, bounded.Token);
        }
        catch (Exception exception)
        {
            logger.LogWarning("job {Job} run {Run}: the notice could not be sent: {Error}", job.Name, id, exception.Message);
        }
    }

    private ContainerCreateRequest Request(ActiveRun run)
    {
        var labels = naming.BaseLabels(SkyLabels.JobKind);
        labels[SkyLabels.Job] = run.Job.Name;
        labels[SkyLabels.Run] = run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ContainerCreateRequest
        {
            Name = naming.JobRun(run.Job.Name, run.Id),
            Image = run.Job.Image,
            Command = run.Job.Command,
            Environment = IContainerEnvironment.Under(run.Job.Environment, environment),
            Labels = labels,
            MemoryBytes = run.Job.MemoryBytes,
            Cpus = run.Job.Cpus,
            Volumes = run.Job.Volumes,
            Init = true,
        };
    }

    private async Task<string?> CollectOutputAsync(string containerId, CancellationToken cancellationToken)
    {
        var tail = new OutputTail(options.OutputCapacity);
        try
        {
            await foreach (var line in runtime.GetLogsAsync(containerId, new LogQuery { Timestamps = false }, cancellationToken))
            {
                tail.Add(line.Text);
            }
        }
        catch (Exception exception) when (exception is EngineException or EngineUnavailableException)
        {
            tail.Add($"[sky: the output could not be read: {exception.Message}]");
        }

        return tail.ToString();
    }

    private static TimeSpan Positive(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;

    private static string Words(TimeSpan span) =>
        span.TotalSeconds < 120 ? $"{span.TotalSeconds:0.###}s" : span.TotalMinutes < 120 ? $"{span.TotalMinutes:0.##}m" : $"{span.TotalHours:0.##}h";
}
