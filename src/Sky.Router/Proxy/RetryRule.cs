using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Sky.Router.Proxy;

/// <summary>
/// When a failed attempt may go once more to another container: a request that never reached the container (the
/// connection failed) always; an idempotent request with no body when it failed before any response byte came back.
/// A request that was sent and may have changed something is never sent twice.
/// </summary>
public static class RetryRule
{
    public static bool AllowsRetry(HttpContext context, IForwarderErrorFeature error)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        if (error.Error is not (ForwarderError.Request or ForwarderError.RequestTimedOut))
        {
            return false;
        }

        return NeverConnected(error.Exception) || (IsIdempotent(context.Request.Method) && HasNoBody(context.Request));
    }

    /// <summary>Whether the failure is the container's, not the client's (who went away or sent a broken body).</summary>
    public static bool IsContainerFault(ForwarderError error) => error is
        ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.RequestBodyDestination
        or ForwarderError.ResponseHeaders or ForwarderError.ResponseBodyDestination
        or ForwarderError.UpgradeRequestDestination or ForwarderError.UpgradeResponseDestination;

    private static bool NeverConnected(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
                || current is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdempotent(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)
        || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);

    private static bool HasNoBody(HttpRequest request) =>
        request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding");
}
