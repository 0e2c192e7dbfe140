namespace Sky.Runtime;

/// <summary>One frame of the engine's multiplexed output: which stream it came from and its bytes.</summary>
internal readonly record struct MultiplexedFrame(LogStream Stream, ReadOnlyMemory<byte> Payload);
