using System.Text.Json;
using System.Threading.Channels;
using Sky.Contracts;
using Sky.Planning;
using Sky.Runtime;
using Sky.Supervisor;

namespace Sky.Api;

/// <summary>
/// Runs an operation and streams its plan and progress to the client as NDJSON, one message a line, flushed as it
/// happens. Progress arrives from several executor threads; a channel hands it to the one writer of the response.
/// Errors raised before anything was written become a plain error answer with the right status code.
/// </summary>
public sealed class NdjsonOperationStream : IOperationReporter
{
    private readonly Channel<StreamMessage> messages = Channel.CreateUnbounded<StreamMessage>(new UnboundedChannelOptions { SingleReader = true });

    public void PlanReady(Plan plan) => messages.Writer.TryWrite(new StreamMessage
    {
        Type = "plan",
        Steps = StepViews(plan),
    });

    /// <summary>A plan's steps in display order, as the CLI shows them; a rolling step's reason says how it rolls.</summary>
    public static IReadOnlyList<PlanStepView> StepViews(Plan plan) =>
        plan.InDisplayOrder().Select(s => new PlanStepView(s.Id, s.Action.ToString(), s.Verb, s.Target, s.IsContainerStep, s.Rolling is { } how ? $"{s.Reason}; {how}" : s.Reason)).ToList();

    public void Progress(StepProgress progress) => messages.Writer.TryWrite(new StreamMessage
    {
        Type = "progress",
        Id = progress.StepId,
        Target = progress.Target,
        Status = progress.Status.ToString().ToLowerInvariant(),
        Message = progress.Message,
    });

    public void Warning(string message) => messages.Writer.TryWrite(new StreamMessage { Type = "warning", Message = message });

    public void Changed(string message) => messages.Writer.TryWrite(new StreamMessage { Type = "change", Message = message });

    /// <summary>A line about a rollout being followed (<c>waiting for revision 8 to pass its checks</c>).</summary>
    public void Rollout(string message) => messages.Writer.TryWrite(new StreamMessage { Type = "rollout", Message = message });

    /// <summary>Runs <paramref name="operation"/> (true when every step succeeded) and writes the stream.</summary>
    public Task<IResult> RunAsync(HttpContext context, Func<IOperationReporter, Task<(bool Ok, long? Revision)>> operation) =>
        RunAsync(context, async reporter =>
        {
            var (ok, revision) = await operation(reporter);
            return new StreamMessage { Type = "result", Ok = ok, Revision = revision };
        });

    /// <summary>Runs <paramref name="operation"/>, which gives the result line itself, and writes the stream.</summary>
    public async Task<IResult> RunAsync(HttpContext context, Func<IOperationReporter, Task<StreamMessage>> operation)
    {
        var work = Task.Run(async () =>
        {
            try
            {
                messages.Writer.TryWrite(await operation(this));
            }
            finally
            {
                messages.Writer.TryComplete();
            }
        });

        // Wait for the first message or the end: an operation refused up front answers with a status code instead.
        var hasMessage = await messages.Reader.WaitToReadAsync(context.RequestAborted).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default);
        if (!hasMessage || work.IsFaulted)
        {
            try
            {
                await work;
            }
            catch (Exception exception)
            {
                return ErrorResults.From(exception);
            }
        }

        context.Response.ContentType = "application/x-ndjson";
        await context.Response.StartAsync(context.RequestAborted);
        await foreach (var message in messages.Reader.ReadAllAsync(CancellationToken.None))
        {
            await WriteAsync(context, message);
        }

        try
        {
            await work;
        }
        catch (Exception exception)
        {
            // The status already went out as 200: the error line tells the client, the note tells the daemon's log.
            RequestErrors.Note(context, exception);
            var (_, error) = ErrorResults.Describe(exception);
            await WriteAsync(context, new StreamMessage { Type = "error", Error = error.Error, Details = error.Details });
        }

        return Results.Empty;
    }

    private static async Task WriteAsync(HttpContext context, StreamMessage message)
    {
        try
        {
            await context.Response.WriteAsync(JsonSerializer.Serialize(message, SkyJson.Info<StreamMessage>()) + "\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away; the operation still completes so that nothing is left half-done.
        }
    }
}
