using System.Runtime.InteropServices;

namespace Sky.Metrics.Sampling;

/// <summary>
/// The CPU time the calling thread has used (user and system), from <c>getrusage(RUSAGE_THREAD)</c>: how the sampler
/// measures what a round of reading the kernel's files costs, apart from everything else the daemon does. Null where
/// the call is not there (not Linux).
/// </summary>
internal static partial class ThreadCpu
{
    private const int RusageThread = 1;

    public static TimeSpan? Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return GetRusage(RusageThread, out var usage) == 0
                ? TimeSpan.FromMicroseconds(((usage.UserSeconds + usage.SystemSeconds) * 1_000_000.0) + usage.UserMicroseconds + usage.SystemMicroseconds)
                : null;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs sky does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResident;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlocksIn;
        public long BlocksOut;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
