using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sky.Feed;
using Sky.Model;
using Sky.Runtime;

namespace Sky.Scheduler.Arming;

/// <summary>
/// At most one armed container per job, made ready before its next tick and handed to the run that comes next
/// (scheduled, caught up or manual). Arming is an optimisation only: a job that cannot be armed (no command of its
/// own, an image with an entrypoint, a failure) runs the ordinary way, creating its container at the tick.
/// </summary>
public sealed class ArmedContainers(IContainerRuntime runtime, Naming naming, JobSchedulerOptions options, TimeProvider clock, ILogger<ArmedContainers> logger, IContainerEnvironment? environment = null, ImageSource? images = null)
{
    private readonly ImageSource images = images ?? new ImageSource(runtime);

    /// <summary>The label that marks an armed container; one left by a daemon that died is removed at the next start.</summary>
    public const string ArmedLabel = SkyLabels.Armed;

    /// <summary>Where an armed container finds its pipe.</summary>
    public const string ContainerFolder = "/run/sky-armed";

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    // The timetable hands out the same JobSpec until the next revision: its key is computed once.
    private static readonly ConditionalWeakTable<JobSpec, string> Keys = new();

    private readonly Lock gate = new();
    private readonly Dictionary<string, ArmedContainer> armed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> failedUntil = new(StringComparer.Ordinal);

    public bool Enabled => options.ArmFolder is not null;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return armed.Count;
            }
        }
    }

    public bool IsArmed(string job)
    {
        lock (gate)
        {
            return armed.ContainsKey(job);
        }
    }

    /// <summary>Whether arming <paramref name="job"/> is worth a try now (not armed, not failing lately, room left).</summary>
    public bool ShouldArm(JobSpec job)
    {
        lock (gate)
        {
            return Enabled && job.Command is { Count: > 0 } && !armed.ContainsKey(job.Name) && armed.Count < options.MaxArmed
                && !(failedUntil.TryGetValue(job.Name, out var until) && clock.GetUtcNow() < until);
        }
    }

    /// <summary>Creates and starts a container for the job's next run, its command held back until released.</summary>
    public async Task ArmAsync(JobSpec job, CancellationToken cancellationToken)
    {
        var name = naming.Prefixed($"{job.Name}-armed-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");
        var folder = Path.Combine(options.ArmFolder!, name);
        string? id = null;
        JobFifo? fifo = null;
        var watching = new CancellationTokenSource();
        try
        {
            // A pull from the registry happens here, ahead of the tick, rather than when the run is due.
            if (!await images.EnsureOnEngineAsync(job.Image, null, cancellationToken)
                || await runtime.InspectImageAsync(job.Image, cancellationToken) is not { Entrypoint.Count: 0 })
            {
                // Missing (the run will say so) or with an entrypoint that the held-back command cannot go through.
                Failed(job.Name);
                watching.Dispose();
                return;
            }

            foreach (var volume in job.Volumes.Where(v => !v.IsHostPath))
            {
                await runtime.EnsureVolumeAsync(volume.Source, naming.BaseLabels(SkyLabels.JobKind), cancellationToken);
            }

            Directory.CreateDirectory(folder);
            fifo = JobFifo.Create(Path.Combine(folder, "go"));
            id = await runtime.CreateContainerAsync(Request(job, name, folder), cancellationToken);
            await runtime.StartContainerAsync(id, cancellationToken);
            var exited = runtime.WaitContainerAsync(id, watching.Token);
            var ready = new ArmedContainer(job.Name, KeyOf(job), id, name, folder, fifo, exited, watching);
            lock (gate)
            {
                armed[job.Name] = ready;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("job {Job}: not armed ahead of its tick, it starts the ordinary way: {Error}", job.Name, exception.Message);
            Failed(job.Name);
            fifo?.Dispose();
            watching.Dispose();
            await runtime.RemoveQuietlyAsync(id, logger);
            TryDelete(folder);
        }
    }

    /// <summary>
    /// Hands over the job's armed container when it was armed for the job as it is now and still waits; otherwise
    /// disarms it (in the background) and returns null, and the run creates its container the ordinary way.
    /// </summary>
    internal ArmedContainer? Claim(JobSpec job)
    {
        ArmedContainer? candidate;
        lock (gate)
        {
            if (!armed.Remove(job.Name, out candidate))
            {
                return null;
            }
        }

        if (candidate.Key == KeyOf(job) && !candidate.Exited.IsCompleted)
        {
            return candidate;
        }

        if (candidate.Exited.IsCompleted)
        {
            Failed(job.Name);
        }

        _ = DisposeAndRemoveAsync(candidate);
        return null;
    }

    /// <summary>Disarms the containers of jobs that are gone or changed since they were armed.</summary>
    public async Task DisarmStaleAsync(IReadOnlyCollection<JobSpec> jobs)
    {
        List<ArmedContainer> stale;
        lock (gate)
        {
            if (armed.Count == 0)
            {
                return;
            }

            // Only the armed jobs' keys are computed: an idle daemon with a thousand jobs pays for none.
            var byName = jobs.Where(j => armed.ContainsKey(j.Name)).ToDictionary(j => j.Name, StringComparer.Ordinal);
            stale = armed.Values.Where(a => !byName.TryGetValue(a.Job, out var job) || KeyOf(job) != a.Key || a.Exited.IsCompleted).ToList();
            foreach (var container in stale)
            {
                armed.Remove(container.Job);
                if (container.Exited.IsCompleted)
                {
                    // It could not wait (no shell in the image, for one): the job runs the ordinary way for a while.
                    failedUntil[container.Job] = clock.GetUtcNow() + RetryAfterFailure;
                }
            }
        }

        foreach (var container in stale)
        {
            await DisposeAndRemoveAsync(container);
        }
    }

    /// <summary>Disarms everything (the daemon stops): no command runs in a container nobody follows.</summary>
    public async Task DisarmAllAsync()
    {
        List<ArmedContainer> all;
        lock (gate)
        {
            all = armed.Values.ToList();
            armed.Clear();
        }

        await Task.WhenAll(all.Select(DisposeAndRemoveAsync));
    }

    /// <summary>What the job's container is made of: a container armed with another configuration is not used.</summary>
    internal static string KeyOf(JobSpec job) => Keys.GetValue(job, ComputeKey);

    private static string ComputeKey(JobSpec job) => JsonSerializer.Serialize(
        new ArmKey(job.Image, job.Command, job.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).ToList(), job.MemoryBytes, job.Cpus, job.Volumes),
        ArmKeyJsonContext.Default.ArmKey);

    private ContainerCreateRequest Request(JobSpec job, string name, string folder)
    {
        var labels = naming.BaseLabels(SkyLabels.JobKind);
        labels[SkyLabels.Job] = job.Name;
        labels[ArmedLabel] = "true";
        return new ContainerCreateRequest
        {
            Name = name,
            Image = job.Image,
            // The shell waits for the go line, then becomes the job's own command; an end of file (disarmed) ends it.
            Command = ["sh", "-c", $"read -r _ < {ContainerFolder}/go && exec \"$@\"", "sky-armed", .. job.Command!],
            Environment = IContainerEnvironment.Under(job.Environment, environment),
            Labels = labels,
            MemoryBytes = job.MemoryBytes,
            Cpus = job.Cpus,
            Volumes = [.. job.Volumes, new VolumeMount(folder, ContainerFolder, IsHostPath: true, ReadOnly: true)],
            Init = true,
        };
    }

    private void Failed(string job)
    {
        lock (gate)
        {
            failedUntil[job] = clock.GetUtcNow() + RetryAfterFailure;
        }
    }

    private async Task DisposeAndRemoveAsync(ArmedContainer container)
    {
        container.Dispose();
        await runtime.RemoveQuietlyAsync(container.Id, logger);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}
