namespace Sky.Logs.Store;

/// <summary>A chunk just stored, with its lines still uncompressed: live followers read them without touching the disk.</summary>
public sealed record CommittedChunk(ChunkRow Row, LogSource Source, ReadOnlyMemory<byte> Lines);
