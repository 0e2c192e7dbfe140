namespace Sky.Cli.Terminal;

/// <summary>
/// Watches keystrokes for the detach sequence Ctrl-P Ctrl-Q (0x10 0x11), as docker does. A Ctrl-P is held back until
/// the next byte shows whether it starts the sequence; otherwise it is passed on with that byte.
/// </summary>
public sealed class DetachKeyWatcher
{
    public const byte CtrlP = 0x10;
    public const byte CtrlQ = 0x11;

    private bool holdingCtrlP;

    public bool Detached { get; private set; }

    /// <summary>The bytes to forward to the container; after the sequence, nothing more (and <see cref="Detached"/> is set).</summary>
    public byte[] Feed(ReadOnlySpan<byte> input)
    {
        var forward = new List<byte>(input.Length + 1);
        foreach (var b in input)
        {
            if (Detached)
            {
                break;
            }

            if (holdingCtrlP)
            {
                holdingCtrlP = false;
                if (b == CtrlQ)
                {
                    Detached = true;
                    break;
                }

                forward.Add(CtrlP);
            }

            if (b == CtrlP)
            {
                holdingCtrlP = true;
            }
            else
            {
                forward.Add(b);
            }
        }

        return [.. forward];
    }
}
