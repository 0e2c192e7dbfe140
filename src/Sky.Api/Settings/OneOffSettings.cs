namespace Sky.Api.Settings;

/// <summary>One-off containers (<c>sky container</c>): the image they start from and how long a finished one is kept.</summary>
public sealed record OneOffSettings
{
    public const string DefaultImage = "base:0.7";

    public static readonly TimeSpan DefaultRemoveAfter = TimeSpan.FromMinutes(10);

    public string Image { get; init; } = DefaultImage;

    public TimeSpan RemoveAfter { get; init; } = DefaultRemoveAfter;
}
