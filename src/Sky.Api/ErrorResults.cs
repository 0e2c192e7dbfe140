using System.Text.Json;
using Sky.Contracts;
using Sky.Runtime;
using Sky.Supervisor;

namespace Sky.Api;

/// <summary>Turns what went wrong into an answer people can act on: a status code and a sentence, never a stack trace.</summary>
public static class ErrorResults
{
    public static IResult From(Exception exception)
    {
        var (status, error) = Describe(exception);
        return new ErrorAnswer(status, error, exception);
    }

    /// <summary>An error answer that no exception caused: an unknown job, a wrong query value.</summary>
    public static IResult Answer(int status, string message) => new ErrorAnswer(status, new ApiError(message));

    public static (int Status, ApiError Error) Describe(Exception exception) => exception switch
    {
        OperationException operation => (operation.Kind switch
        {
            OperationErrorKind.Invalid => StatusCodes.Status400BadRequest,
            OperationErrorKind.NotFound => StatusCodes.Status404NotFound,
            OperationErrorKind.EngineUnavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        }, new ApiError(operation.Message, operation.Details.Count > 0 ? operation.Details : null)),

        // Minimal APIs wrap a body that does not read as JSON; the JsonException inside knows where and which field.
        BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, new ApiError(JsonBodyErrors.Describe(json))),
        BadHttpRequestException bad => (bad.StatusCode, new ApiError($"bad request: {bad.Message}")),
        JsonException json => (StatusCodes.Status400BadRequest, new ApiError(JsonBodyErrors.Describe(json))),
        EngineUnavailableException unavailable => (StatusCodes.Status503ServiceUnavailable, new ApiError(unavailable.Message)),
        EngineException engine => (StatusCodes.Status502BadGateway, new ApiError($"the Docker engine refused: {engine.Message}")),
        RegistryUnavailableException registry => (StatusCodes.Status502BadGateway, new ApiError(registry.Message)),
        _ => (StatusCodes.Status500InternalServerError, new ApiError($"internal error: {exception.Message}")),
    };

    /// <summary>
    /// Whether <paramref name="exception"/> is part of sky's ordinary life: a person's mistake (a bad body, an unknown
    /// name), an operation refused with a sentence, the engine away or refusing. Anything else is a bug in sky, and the
    /// only kind whose stack trace is worth a log entry.
    /// </summary>
    public static bool IsExpected(Exception exception) =>
        exception is OperationException or BadHttpRequestException or JsonException or EngineException or EngineUnavailableException
            or RegistryUnavailableException;
}
