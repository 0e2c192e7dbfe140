using Microsoft.Data.Sqlite;

namespace Sky.Metrics.History;

/// <summary>
/// Writes blocks of one flush: one prepared statement for all of them, and one buffer per stored length that each
/// block's floats are copied into (SQLite copies a bound blob when the row is written). A command, its parameters and
/// a byte array per row were most of what a flush of thousands of blocks allocated.
/// </summary>
internal sealed class BlockWriter : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter series;
    private readonly SqliteParameter resolution;
    private readonly SqliteParameter start;
    private readonly SqliteParameter data;
    private readonly Dictionary<int, byte[]> buffers = [];

    public BlockWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        // A command of its own rather than Dapper's: Dapper.AOT takes a byte[] parameter for a list to expand.
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO blocks(series, resolution, start, data) VALUES ($series, $resolution, $start, $data)";
        series = command.Parameters.Add("$series", SqliteType.Integer);
        resolution = command.Parameters.Add("$resolution", SqliteType.Integer);
        start = command.Parameters.Add("$start", SqliteType.Integer);
        data = command.Parameters.Add("$data", SqliteType.Blob);
    }

    /// <summary>Copies the block's values for the next <see cref="Write"/> (under the lock its writers hold).</summary>
    public void Take(HistoryBlock block)
    {
        var length = block.StoredLength;
        if (!buffers.TryGetValue(length, out var buffer))
        {
            buffer = new byte[length];
            buffers[length] = buffer;
        }

        block.CopyBytesTo(buffer);
        data.Value = buffer;
    }

    /// <summary>Writes the row of the block last taken.</summary>
    public void Write(long seriesId, int resolutionId, long blockStart)
    {
        series.Value = seriesId;
        resolution.Value = resolutionId;
        start.Value = blockStart;
        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
