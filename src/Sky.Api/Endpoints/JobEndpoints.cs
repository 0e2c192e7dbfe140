using Sky.Api.Views;
using Sky.Contracts;
using Sky.Model;
using Sky.Runtime;
using Sky.Scheduler;
using Sky.Store;
using Sky.Supervisor;

namespace Sky.Api.Endpoints;

/// <summary>
/// Recurrent jobs: list them, force a run, read their run history and output. A run is addressed by its number within
/// its job (<c>/jobs/NAME/runs/3</c>: the job's third run), as <c>sky job runs</c> shows it.
/// </summary>
public static class JobEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/jobs", (JobScheduler scheduler) => SkyResults.Json(scheduler.Overview().Select(JobViews.From).ToList()))
            .WithName("ListJobs")
            .Produces<List<JobView>>();

        api.MapPost("/jobs/{name}/start", (string name, JobScheduler scheduler, JobRunRepository runs) =>
            scheduler.StartNow(name) is { } id && runs.Get(name, id) is { } run
                ? SkyResults.Json(new JobStartAnswer(name, run.Number), StatusCodes.Status202Accepted)
                : NoSuchJob(name))
            .WithName("StartJob")
            .Produces<JobStartAnswer>(StatusCodes.Status202Accepted)
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapGet("/jobs/{name}/runs", (string name, int? limit, JobScheduler scheduler, JobRunRepository runs) =>
        {
            var list = runs.List(name, Math.Clamp(limit ?? 100, 1, 10_000));
            return list.Count == 0 && scheduler.Find(name) is null ? NoSuchJob(name) : SkyResults.Json(list.Select(JobViews.From).ToList());
        })
            .WithName("ListJobRuns")
            .Produces<List<JobRunView>>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapGet("/jobs/{name}/runs/{number:long}", (string name, long number, JobScheduler scheduler, JobRunRepository runs) =>
            runs.Find(name, number) is { } run ? SkyResults.Json(JobViews.From(run)) : NoSuchRun(name, number, scheduler))
            .WithName("GetJobRun")
            .Produces<JobRunView>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapGet("/jobs/{name}/logs", async (string name, JobScheduler scheduler, JobRunRepository runs, IContainerRuntime runtime, Naming naming, CancellationToken cancellationToken) =>
            runs.Latest(name) is { } run
                ? SkyResults.Json(JobViews.From(await WithLiveOutputAsync(run, runtime, naming, cancellationToken)))
                : scheduler.Find(name) is null ? NoSuchJob(name) : ErrorResults.Answer(StatusCodes.Status404NotFound, $"job '{name}' has not run yet (start it with sky job start {name})"))
            .WithName("GetLatestJobRunLogs")
            .WithDescription("The latest run with its output (so far, while it runs).")
            .Produces<JobRunView>()
            .ProducesErrors(StatusCodes.Status404NotFound);

        api.MapGet("/jobs/{name}/runs/{number:long}/logs", async (string name, long number, JobScheduler scheduler, JobRunRepository runs, IContainerRuntime runtime, Naming naming, CancellationToken cancellationToken) =>
            runs.Find(name, number) is { } run
                ? SkyResults.Json(JobViews.From(await WithLiveOutputAsync(run, runtime, naming, cancellationToken)))
                : NoSuchRun(name, number, scheduler))
            .WithName("GetJobRunLogs")
            .WithDescription("A run with its output (so far, while it runs).")
            .Produces<JobRunView>()
            .ProducesErrors(StatusCodes.Status404NotFound);
    }

    /// <summary>A run still going has no recorded output yet: read what its container printed so far.</summary>
    private static async Task<JobRun> WithLiveOutputAsync(JobRun run, IContainerRuntime runtime, Naming naming, CancellationToken cancellationToken)
    {
        if (run.State != JobRunState.Running)
        {
            return run;
        }

        var tail = new OutputTail(1024 * 1024);
        try
        {
            // A run released into an armed container has that container's id; one created at its tick, its run's name.
            await foreach (var line in runtime.GetLogsAsync(run.Container ?? naming.JobRun(run.Job, run.Id), new LogQuery { Timestamps = false }, cancellationToken))
            {
                tail.Add(line.Text);
            }
        }
        catch (EngineException)
        {
            // Not created yet, or just removed: the recorded state says which.
        }

        return run with { Output = tail.ToString() };
    }

    private static IResult NoSuchRun(string name, long number, JobScheduler scheduler) =>
        scheduler.Find(name) is null ? NoSuchJob(name) : ErrorResults.Answer(StatusCodes.Status404NotFound, $"job '{name}' has no run {number} (see sky job runs {name})");

    private static IResult NoSuchJob(string name) =>
        ErrorResults.Answer(StatusCodes.Status404NotFound, $"no job named '{name}' in the applied configuration (see sky job list)");
}
