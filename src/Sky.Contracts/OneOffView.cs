namespace Sky.Contracts;

/// <summary>A one-off container as the API shows it (<c>GET /oneoffs</c>, <c>sky containers</c>).</summary>
public sealed record OneOffView(string Id, string Name, string Image, string State, DateTimeOffset? Created, string Mode, string? CreatedBy);
