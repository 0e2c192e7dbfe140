using System.Globalization;
using Sky.Model.Deploys;

namespace Sky.Planning;

/// <summary>How one container is replaced in a rolling update, and where its batch stands in the instance's rollout.</summary>
public sealed record RollingStep(DeployOrder Order, TimeSpan HealthTimeout, int Batch, int Batches)
{
    public string OrderWords => Order == DeployOrder.StartFirst ? "start-first" : "stop-first";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{OrderWords}, batch {Batch} of {Batches}");
}
