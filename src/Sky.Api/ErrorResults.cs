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
        return Results.Json(error, SkyJson.Options, statusCode: status);
    }

    public static (int Status, ApiError Error) Describe(Exception exception) => exception switch
    {
        OperationException operation => (operation.Kind switch
        {
            OperationErrorKind.Invalid => StatusCodes.Status400BadRequest,
            OperationErrorKind.NotFound => StatusCodes.Status404NotFound,
            OperationErrorKind.EngineUnavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        }, new ApiError(operation.Message, operation.Details.Count > 0 ? operation.Details : null)),
        EngineUnavailableException unavailable => (StatusCodes.Status503ServiceUnavailable, new ApiError(unavailable.Message)),
        EngineException engine => (StatusCodes.Status502BadGateway, new ApiError($"the Docker engine refused: {engine.Message}")),
        _ => (StatusCodes.Status500InternalServerError, new ApiError($"internal error: {exception.Message}")),
    };
}
