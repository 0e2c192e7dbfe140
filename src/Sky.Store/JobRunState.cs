using System.Text.Json.Serialization;

namespace Sky.Store;

/// <summary>Where one run of a recurrent job stands; stored as the lower-case words the API and CLI show.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobRunState>))]
public enum JobRunState
{
    [JsonStringEnumMemberName("running")]
    Running,

    [JsonStringEnumMemberName("succeeded")]
    Succeeded,

    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Stopped because it ran past the job's timeout; counts as a failure.</summary>
    [JsonStringEnumMemberName("timed-out")]
    TimedOut,

    /// <summary>Never started: the overlap policy said no, so the tick is only recorded.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,
}
