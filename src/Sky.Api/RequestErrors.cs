namespace Sky.Api;

/// <summary>
/// One log line for each request that went wrong, with its reason. What sky expects (a person's mistake, an operation
/// refused with a sentence, the engine away or refusing) is answered here and logged at information level (4xx) or
/// warning level (5xx), without a stack trace. Anything else is a bug in sky: it goes on to the exception handler, whose
/// entry carries the stack trace.
/// </summary>
public sealed class RequestErrors(RequestDelegate next, ILogger<RequestErrors> logger)
{
    private static readonly object Key = new();

    /// <summary>
    /// Notes why the request failed, for its log line: error answers note themselves, and a streamed answer that fails
    /// half-way (its status already sent) notes its error here. A <paramref name="cause"/> sky did not expect is logged
    /// with its stack trace.
    /// </summary>
    public static void Note(HttpContext context, int status, string reason, Exception? cause = null) =>
        context.Items[Key] = new Noted(status, reason, cause);

    public static void Note(HttpContext context, Exception exception)
    {
        var (status, error) = ErrorResults.Describe(exception);
        Note(context, status, error.Error, exception);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer, and nothing went wrong.
            return;
        }
        catch (Exception exception) when (ErrorResults.IsExpected(exception))
        {
            if (context.Response.HasStarted)
            {
                Note(context, exception);
            }
            else
            {
                context.Response.Clear();
                await ErrorResults.From(exception).ExecuteAsync(context);
            }
        }

        Log(context);
    }

    private void Log(HttpContext context)
    {
        var request = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
        if (context.Items.TryGetValue(Key, out var value) && value is Noted noted)
        {
            if (noted.Cause is { } cause && !ErrorResults.IsExpected(cause))
            {
                logger.LogError(cause, "{Request}: {Status} {Reason}", request, noted.Status, noted.Reason);
            }
            else if (noted.Status >= StatusCodes.Status500InternalServerError)
            {
                logger.LogWarning("{Request}: {Status} {Reason}", request, noted.Status, noted.Reason);
            }
            else
            {
                logger.LogInformation("{Request}: {Status} {Reason}", request, noted.Status, noted.Reason);
            }
        }
        else if (context.Response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            // An error answer written without ErrorResults: its status is all there is to say.
            logger.LogInformation("{Request}: {Status}", request, context.Response.StatusCode);
        }
    }

    private sealed record Noted(int Status, string Reason, Exception? Cause);
}
