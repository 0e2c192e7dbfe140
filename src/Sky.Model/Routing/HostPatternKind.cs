namespace Sky.Model.Routing;

/// <summary>The forms a <c>VIRTUAL_HOST</c> name takes, most specific first: a request goes to the most specific that matches.</summary>
public enum HostPatternKind
{
    Exact,
    LeadingWildcard,
    TrailingWildcard,
    Regex,
}
