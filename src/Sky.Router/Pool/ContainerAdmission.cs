using Sky.Feed;
using Sky.Router.Table;

namespace Sky.Router.Pool;

/// <summary>
/// Tells a start-first rollout when its new container takes requests: the route table in force has it ready (running,
/// healthy and answering on its published port). A container of a name no site routes to is nobody's to wait for.
/// Waits on table swaps, never polls.
/// </summary>
public sealed class ContainerAdmission(RouterState state, RouteFollower follower) : IContainerAdmission
{
    public async Task AdmittedAsync(string containerName, string containerId, CancellationToken cancellationToken)
    {
        var admitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Look(RouteTable table)
        {
            if (Admits(table, containerName, containerId))
            {
                admitted.TrySetResult();
            }
        }

        state.TableChanged += Look;
        try
        {
            follower.Wake();
            Look(state.Table);
            await admitted.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            state.TableChanged -= Look;
        }
    }

    private static bool Admits(RouteTable table, string containerName, string containerId)
    {
        var backends = table.Sites.SelectMany(s => s.Backends).Where(b => b.Container == containerName).ToList();
        return backends.Count == 0 || backends.Any(b => b.ContainerId == containerId && b.State == BackendState.Ready);
    }
}
