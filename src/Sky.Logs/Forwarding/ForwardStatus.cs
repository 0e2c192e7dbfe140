namespace Sky.Logs.Forwarding;

/// <summary>How forwarding to one target goes, for the daemon's status views.</summary>
/// <param name="Target">The target in the form it was configured in, e.g. <c>gelf+udp://127.0.0.1:12201</c>.</param>
/// <param name="Connected">
/// TCP: a connection is open. UDP: the last send was not refused; UDP cannot tell whether anyone received it.
/// </param>
/// <param name="Sent">Lines handed to the network.</param>
/// <param name="Dropped">Lines given up: pushed out of a full buffer, too large to send, or refused too often over UDP.</param>
/// <param name="Buffered">Lines waiting to be sent, including those of a send that is being retried.</param>
/// <param name="LastError">What went wrong last, kept after recovery so that a flapping target can be diagnosed.</param>
public sealed record ForwardStatus(string Target, bool Connected, long Sent, long Dropped, int Buffered, string? LastError);
