using Dapper;

namespace Sky.Store;

/// <summary>
/// What people asked for, per service instance: started or stopped. Applying a configuration converges the instances
/// that are wanted running; a restart of the daemon keeps the wish.
/// </summary>
public sealed class ServiceIntentRepository(SkyDatabase database, TimeProvider clock)
{
    public void Set(string service, string instance, bool running)
    {
        using var connection = database.Open();
        connection.Execute(
            """
            INSERT INTO service_intents(service, instance, running, changed_at) VALUES (@service, @instance, @running, @time)
            ON CONFLICT(service, instance) DO UPDATE SET running = excluded.running, changed_at = excluded.changed_at
            """,
            new { service, instance, running = running ? 1 : 0, time = clock.GetUtcNow().ToString("O") });
    }

    public IReadOnlyList<ServiceIntent> All()
    {
        using var connection = database.Open();
        return connection.Query<IntentRow>("SELECT service, instance, running FROM service_intents ORDER BY service, instance")
            .Select(r => new ServiceIntent(r.Service, r.Instance, r.Running != 0))
            .ToList();
    }

    /// <summary>A row of <c>service_intents</c> (<c>running</c> is 0 or 1).</summary>
    internal sealed record IntentRow(string Service, string Instance, long Running);
}
