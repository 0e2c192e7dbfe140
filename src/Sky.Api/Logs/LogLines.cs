using Sky.Contracts;
using Sky.Logs;

namespace Sky.Api.Logs;

/// <summary>A stored line as the API gives it.</summary>
public static class LogLines
{
    public static LogLine From(LogRecord record) => new(record.Source.Container, record.Stream, record.Time, record.Text)
    {
        Kind = record.Source.Kind,
        Service = record.Source.Service,
        Instance = record.Source.Instance,
        Role = record.Source.Role,
        Replica = record.Source.Replica,
        Revision = record.Source.Revision,
        Job = record.Source.Job,
        Run = record.Source.Run,
        ContainerId = record.Source.ContainerId,
        Truncated = record.Truncated,
    };
}
