using Sky.Contracts;

namespace Sky.Api;

/// <summary>
/// An error answer: the <see cref="ApiError"/> with its status code. It also notes the reason on the request, so that
/// <see cref="RequestErrors"/> writes it in the request's one log line; <paramref name="Cause"/> is the exception it
/// came from, if any (one sky did not expect is logged with its stack trace).
/// </summary>
public sealed record ErrorAnswer(int StatusCode, ApiError Error, Exception? Cause = null) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        RequestErrors.Note(httpContext, StatusCode, Error.Error, Cause);
        return SkyResults.Json(Error, StatusCode).ExecuteAsync(httpContext);
    }
}
