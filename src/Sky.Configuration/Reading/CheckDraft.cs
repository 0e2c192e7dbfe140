using Sky.Configuration.Yaml;
using Sky.Model;

namespace Sky.Configuration.Reading;

/// <summary>
/// A check as read. An HTTP check without its own port takes the first port of the container it ends up in,
/// which is only known per instance (an instance may override <c>ports</c>), so the port is filled in later.
/// </summary>
internal sealed record CheckDraft(CheckSpec Spec, Node Node, string Path)
{
    public bool NeedsPort => Spec.Kind == CheckKind.Http && Spec.Port is null;
}
