using Microsoft.Extensions.DependencyInjection;
using Sky.Router;
using Sky.Router.Table;

namespace Sky.Cli.Tests.Routing;

/// <summary>Awaits the router's route table reaching a state, by its change events: no polling, bounded in time.</summary>
public static class RouterWatch
{
    public static async Task<RouteTable> UntilAsync(TestDaemon daemon, Func<RouteTable, bool> done, string what, TimeSpan? within = null)
    {
        var state = daemon.Services.GetRequiredService<RouterState>();
        var reached = new TaskCompletionSource<RouteTable>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(RouteTable table)
        {
            if (done(table))
            {
                reached.TrySetResult(table);
            }
        }

        state.TableChanged += Check;
        try
        {
            Check(state.Table);
            return await reached.Task.WaitAsync(within ?? TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            var sites = string.Join("; ", state.Table.Sites.Select(s => $"{s.Id}: {string.Join(", ", s.Backends.Select(b => $"{b.Container} {b.State}"))}"));
            throw new TimeoutException($"router never reached: {what} (now: {sites})");
        }
        finally
        {
            state.TableChanged -= Check;
        }
    }

    /// <summary>Until the site of <paramref name="siteId"/> has <paramref name="ready"/> ready containers.</summary>
    public static Task<RouteTable> ReadyAsync(TestDaemon daemon, string siteId, int ready) =>
        UntilAsync(daemon, t => t.ById.TryGetValue(siteId, out var site) && site.Backends.Count(b => b.State == BackendState.Ready) == ready,
            $"{siteId} with {ready} ready containers");
}
