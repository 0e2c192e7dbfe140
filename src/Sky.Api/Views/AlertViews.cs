using Sky.Contracts;
using Sky.Store;

namespace Sky.Api.Views;

/// <summary>The stored incidents and delivery attempts in their wire shapes.</summary>
public static class AlertViews
{
    public static AlertView From(AlertRecord alert, IEnumerable<AlertDelivery> latest) => From(alert) with
    {
        Deliveries = latest.Where(d => d.AlertId == alert.Id).Select(From).ToList(),
    };

    public static AlertView From(AlertRecord alert) => new()
    {
        Id = alert.Id,
        Service = alert.Service,
        Instance = alert.Instance,
        Container = alert.Container,
        Group = alert.Group,
        Kind = alert.Kind,
        Priority = alert.Priority,
        State = alert.State,
        MaintainerName = alert.MaintainerName,
        MaintainerEmail = alert.MaintainerEmail,
        Message = alert.Message,
        Failures = alert.Failures,
        OpenedAt = alert.OpenedAt,
        LastFailureAt = alert.LastFailureAt,
        LastSentAt = alert.LastSentAt,
        ClosedAt = alert.ClosedAt,
    };

    public static AlertDeliveryView From(AlertDelivery delivery) => new(
        delivery.Id, delivery.AlertId, delivery.Time, delivery.Channel, delivery.Target, delivery.Notice, delivery.Attempt, delivery.Delivered, delivery.Error);
}
