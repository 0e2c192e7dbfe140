using Sky.Contracts;

namespace Sky.Api;

/// <summary>
/// A JSON answer in the API's shape (<see cref="SkyJson"/>): <c>Results.Json</c> given the answer's metadata from the
/// source generator, not reflection, so that it works in a native AOT build. <typeparamref name="T"/> is the answer's
/// declared type, as <c>Results.Json</c> takes it.
/// </summary>
public static class SkyResults
{
    public static IResult Json<T>(T value, int? statusCode = null) => Results.Json(value, SkyJson.Info<T>(), statusCode: statusCode);
}
