using System.Threading.Channels;
using Sky.Contracts;

namespace Sky.Api.Images;

/// <summary>
/// The engine's output lines as <see cref="BuildMessage"/>s, handed to the one writer of the response as they are
/// reported (synchronously, in order: <see cref="Progress{T}"/> would post them to the thread pool, out of order).
/// </summary>
internal sealed class BuildOutput(ChannelWriter<BuildMessage> writer) : IProgress<string>
{
    public void Report(string value) => writer.TryWrite(new BuildMessage { Type = BuildMessage.Output, Text = value });
}
