using System.Text.RegularExpressions;

namespace Sky.Model.Routing;

/// <summary>
/// One name of a <c>VIRTUAL_HOST</c> comma list, as nginx-proxy users write them: an exact name
/// (<c>my-application.localhost</c>), a leading wildcard (<c>*.example.com</c>), a trailing one (<c>example.*</c>)
/// or a regular expression (<c>~^api\d+\.example\.com$</c>). Names compare without case, as DNS does.
/// </summary>
public sealed class HostPattern
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(50);

    private readonly Regex? regex;

    private HostPattern(string text, HostPatternKind kind, string name, Regex? regex)
    {
        Text = text;
        Kind = kind;
        Name = name;
        this.regex = regex;
    }

    /// <summary>As written.</summary>
    public string Text { get; }

    public HostPatternKind Kind { get; }

    /// <summary>Lower case: the whole name (exact), the part after <c>*</c> (<c>.example.com</c>), the part before it (<c>example.</c>), or the expression.</summary>
    public string Name { get; }

    /// <summary>Reads one name; null with <paramref name="error"/> set when it is no host name.</summary>
    public static HostPattern? TryParse(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "an empty host name";
            return null;
        }

        if (trimmed[0] == '~')
        {
            try
            {
                var expression = trimmed[1..];
                return new HostPattern(trimmed, HostPatternKind.Regex, expression,
                    new Regex(expression, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexBudget));
            }
            catch (ArgumentException e)
            {
                error = $"'{trimmed}' is no valid regular expression: {e.Message}";
                return null;
            }
        }

        var lower = trimmed.ToLowerInvariant();
        if (lower.Contains(' ', StringComparison.Ordinal) || lower.Contains('/', StringComparison.Ordinal) || lower.Contains(':', StringComparison.Ordinal))
        {
            error = $"'{trimmed}' is no host name (no spaces, ports or paths: VIRTUAL_PORT and VIRTUAL_PATH say those)";
            return null;
        }

        if (lower.StartsWith("*.", StringComparison.Ordinal) && lower.IndexOf('*', 1) < 0 && lower.Length > 2)
        {
            return new HostPattern(trimmed, HostPatternKind.LeadingWildcard, lower[1..], null);
        }

        if (lower.EndsWith(".*", StringComparison.Ordinal) && lower.IndexOf('*', StringComparison.Ordinal) == lower.Length - 1 && lower.Length > 2)
        {
            return new HostPattern(trimmed, HostPatternKind.TrailingWildcard, lower[..^1], null);
        }

        if (lower.Contains('*', StringComparison.Ordinal))
        {
            error = $"'{trimmed}' has a wildcard in the middle (write *.example.com, example.* or ~REGEX)";
            return null;
        }

        return new HostPattern(trimmed, HostPatternKind.Exact, lower, null);
    }

    /// <summary>Reads a whole <c>VIRTUAL_HOST</c> value; <paramref name="errors"/> names each part that is no host name.</summary>
    public static IReadOnlyList<HostPattern> ParseList(string value, out IReadOnlyList<string> errors)
    {
        var patterns = new List<HostPattern>();
        var problems = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(part, out var error) is { } pattern)
            {
                patterns.Add(pattern);
            }
            else
            {
                problems.Add(error!);
            }
        }

        errors = problems;
        return patterns;
    }

    /// <summary>Whether <paramref name="host"/> (lower case, without its port) is a name of this pattern.</summary>
    public bool Matches(string host) => Kind switch
    {
        HostPatternKind.Exact => host == Name,
        HostPatternKind.LeadingWildcard => host.Length > Name.Length && host.EndsWith(Name, StringComparison.Ordinal),
        HostPatternKind.TrailingWildcard => host.Length > Name.Length && host.StartsWith(Name, StringComparison.Ordinal),
        _ => MatchesExpression(host),
    };

    private bool MatchesExpression(string host)
    {
        try
        {
            return regex!.IsMatch(host);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological expression must not hold a request thread; a name it cannot decide in time is not its.
            return false;
        }
    }

    public override string ToString() => Text;
}
