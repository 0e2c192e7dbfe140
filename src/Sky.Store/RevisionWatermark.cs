using Dapper;

namespace Sky.Store;

/// <summary>
/// The newest revision number alone: one indexed read, cheap enough to look at every second, so watchers (the job
/// scheduler) notice an applied configuration without loading it.
/// </summary>
public sealed class RevisionWatermark(SkyDatabase database)
{
    /// <summary>0 before anything is applied.</summary>
    public long Latest()
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long?>("SELECT MAX(number) FROM revisions") ?? 0;
    }
}
