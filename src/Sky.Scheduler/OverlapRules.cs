using Sky.Model;

namespace Sky.Scheduler;

/// <summary>The overlap policy as a pure function of what is running and waiting.</summary>
public static class OverlapRules
{
    public static OverlapDecision Decide(OverlapPolicy policy, bool running, bool queued)
    {
        if (!running)
        {
            return OverlapDecision.Start;
        }

        return policy switch
        {
            // Queue keeps a single waiting tick: a second one while one waits is dropped, or a slow job would pile up forever.
            OverlapPolicy.Queue => queued ? OverlapDecision.Skip : OverlapDecision.Queue,
            OverlapPolicy.Replace => OverlapDecision.Replace,
            _ => OverlapDecision.Skip,
        };
    }
}
