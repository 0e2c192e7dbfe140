namespace Sky.Cli.Tests.Supervision;

/// <summary>Polls a condition until it holds or a deadline passes: every wait in these tests is bounded.</summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow + within;
        var last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                var explanation = explain is null ? string.Empty : "\n" + await explain();
                throw new TimeoutException($"not within {within.TotalSeconds} s: {what} (last seen: {last}){explanation}");
            }

            await Task.Delay(200);
            last = await probe();
        }

        return last;
    }

    /// <summary>Writes a configuration into a temp folder and returns its path.</summary>
    public static string Config(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("sky-supervision-").FullName;
        var path = Path.Combine(folder, "services.yml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
