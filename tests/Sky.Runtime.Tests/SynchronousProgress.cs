namespace Sky.Runtime.Tests;

/// <summary>Collects progress reports as they are made (Progress&lt;T&gt; posts them later, on the thread pool).</summary>
internal sealed class SynchronousProgress(List<string> reports) : IProgress<string>
{
    public void Report(string value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}
