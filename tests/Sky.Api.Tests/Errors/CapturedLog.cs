using Microsoft.Extensions.Logging;

namespace Sky.Api.Tests.Errors;

/// <summary>One entry of the daemon's log as a logger provider received it.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? string.Empty : "\n" + Exception)}";
}
