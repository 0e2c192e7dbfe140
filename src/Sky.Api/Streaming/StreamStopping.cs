namespace Sky.Api.Streaming;

/// <summary>
/// Gives the requests of endpoints marked <see cref="EndsWhenStopping"/> a cancellation that also fires when the daemon
/// begins to stop, before their parameters are bound, so a handler's <see cref="CancellationToken"/> is that one. Every
/// other request runs to its end as the host allows (an apply in flight still finishes).
/// </summary>
public sealed class StreamStopping(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EndsWhenStopping>() is null)
        {
            await next(context);
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.RequestAborted = either.Token;
        await next(context);
    }
}
