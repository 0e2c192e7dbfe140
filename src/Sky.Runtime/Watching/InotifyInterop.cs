using System.Runtime.InteropServices;

namespace Sky.Runtime.Watching;

/// <summary>The few calls of Linux's inotify(7) that <see cref="FileWrites"/> needs, from the C library.</summary>
internal static partial class InotifyInterop
{
    /// <summary>The file was written (<c>IN_MODIFY</c>).</summary>
    public const uint Modified = 0x00000002;

    /// <summary>The file itself was moved away (<c>IN_MOVE_SELF</c>: a log rotated).</summary>
    public const uint MovedSelf = 0x00000800;

    /// <summary>The file itself was deleted (<c>IN_DELETE_SELF</c>: its container removed).</summary>
    public const uint DeletedSelf = 0x00000400;

    /// <summary>The event queue overflowed (<c>IN_Q_OVERFLOW</c>, watch descriptor -1): events were lost.</summary>
    public const uint Overflowed = 0x00004000;

    /// <summary>The watch is gone (<c>IN_IGNORED</c>): removed, or its file deleted.</summary>
    public const uint Ignored = 0x00008000;

    /// <summary><c>IN_CLOEXEC</c>: no child process inherits the descriptor.</summary>
    public const int CloseOnExec = 0x80000;

    /// <summary>The fixed part of <c>struct inotify_event</c>: wd, mask, cookie, len (each 4 bytes); a name follows.</summary>
    public const int EventHeaderBytes = 16;

    [LibraryImport("libc", EntryPoint = "inotify_init1", SetLastError = true)]
    public static partial int Init(int flags);

    [LibraryImport("libc", EntryPoint = "inotify_add_watch", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int AddWatch(int descriptor, string path, uint mask);

    [LibraryImport("libc", EntryPoint = "inotify_rm_watch", SetLastError = true)]
    public static partial int RemoveWatch(int descriptor, int watch);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int descriptor, [Out] byte[] buffer, nint count);
}
