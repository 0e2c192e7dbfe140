using System.Text;
using System.Text.RegularExpressions;

namespace Sky.Dashboard.Tests;

/// <summary>The page's files as the daemon serves them, and the rule that keeps data from ever being read as HTML.</summary>
public sealed partial class DashboardAssetsTests
{
    private static readonly DashboardAssets Assets = new();

    [Fact]
    public void Every_module_and_style_sheet_the_page_names_is_served()
    {
        var named = Assets.Paths
            .Where(p => p.EndsWith(".js", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal))
            .SelectMany(p => References(p, Text(p)))
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, path => Assert.True(Assets.Find(path) is not null, $"{path} is named but not served"));
        Assert.Equal("text/javascript; charset=utf-8", Assets.Find("app.js")!.ContentType);
    }

    [Fact]
    public void No_script_of_the_page_parses_text_as_html()
    {
        var offences = Assets.Paths
            .Where(p => p.EndsWith(".js", StringComparison.Ordinal))
            .SelectMany(p => Text(p).Split('\n').Select((line, i) => (p, line, i)))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && HtmlSinks().IsMatch(l.line))
            .Select(l => $"{l.p}:{l.i + 1}: {l.line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, "the page must build elements from text (dom.js), never parse HTML:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_page_loads_nothing_from_another_origin()
    {
        var outside = Assets.Paths
            .Where(p => p.EndsWith(".js", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal) || p.EndsWith(".css", StringComparison.Ordinal))
            .Where(p => OutsideUrl().IsMatch(Text(p)))
            .ToList();

        Assert.Empty(outside);
    }

    private static string Text(string path) => Encoding.UTF8.GetString(Assets.Find(path)!.Content.Span);

    /// <summary>What a file imports or links, as paths under /ui/ (relative imports resolved against the file's folder).</summary>
    private static IEnumerable<string> References(string file, string text)
    {
        var folder = Path.GetDirectoryName(file)!.Replace('\\', '/');
        foreach (Match match in Reference().Matches(text))
        {
            var target = match.Groups["path"].Value;
            yield return target.StartsWith("/ui/", StringComparison.Ordinal)
                ? target["/ui/".Length..]
                : Path.GetFullPath(Path.Combine("/", folder, target)).TrimStart('/').Replace('\\', '/');
        }
    }

    [GeneratedRegex(@"(?:from\s+|src=|href=)['""](?<path>(?:\./|\.\./|/ui/)[^'""]+)['""]")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser)\b")]
    private static partial Regex HtmlSinks();

    [GeneratedRegex(@"(?:src|href)=['""]https?://|@import\s+url\(['""]?https?://|from\s+['""]https?://")]
    private static partial Regex OutsideUrl();
}
