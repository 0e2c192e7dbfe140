using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sky.Configuration.Yaml;

/// <summary>
/// Turns YAML text into <see cref="Node"/> trees (one per document), reporting syntax errors, duplicate keys,
/// non-scalar keys and unknown aliases. Built with an explicit stack rather than recursion so that
/// deeply nested (or fuzzed) input cannot overflow the call stack.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>
    /// Far deeper than any configuration needs (a service is four or five levels), low enough that key paths, which
    /// grow with the depth, stay small: 100,000 nested brackets would otherwise cost gigabytes of paths.
    /// </summary>
    public const int MaxDepth = 64;

    private const string MergeKey = "<<";

    /// <summary>The document roots, or null when the file is not valid YAML (the error is reported).</summary>
    public static IReadOnlyList<Node>? Read(string file, string content, ErrorList errors)
    {
        var roots = new List<Node>();
        var stack = new Stack<YamlFrame>();
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        try
        {
            var parser = new Parser(new StringReader(content));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case Scalar scalar:
                        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
                        var node = new ScalarNode(Line(scalar.Start), Column(scalar.Start), scalar.Value, scalar.Style, tag);
                        Remember(anchors, scalar.Anchor, node);
                        Add(file, errors, stack, roots, node);
                        break;
                    case AnchorAlias alias:
                        if (anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            Add(file, errors, stack, roots, target);
                        }
                        else
                        {
                            errors.Add(file, Line(alias.Start), Column(alias.Start), ChildPath(stack), $"unknown alias '*{alias.Value.Value}'");
                            DropValue(stack);
                        }

                        break;
                    case NodeEvent { } opening when opening is MappingStart or SequenceStart && stack.Count >= MaxDepth:
                        errors.Add(file, Line(opening.Start), Column(opening.Start), ChildPath(stack), $"nested deeper than {MaxDepth} levels");
                        return null;
                    case MappingStart start:
                        stack.Push(new YamlFrame(new MapNode(Line(start.Start), Column(start.Start)), ChildPath(stack), start.Anchor));
                        break;
                    case SequenceStart start:
                        stack.Push(new YamlFrame(new ListNode(Line(start.Start), Column(start.Start)), ChildPath(stack), start.Anchor));
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = stack.Pop();
                        if (done.Container is MapNode map)
                        {
                            ApplyMerges(file, errors, done, map);
                        }

                        Remember(anchors, done.Anchor, done.Container);
                        Add(file, errors, stack, roots, done.Container);
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            errors.Add(file, Line(e.Start), Column(e.Start), PathOf(stack), e.Message);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // The parser throws these for a few malformed inputs (bad anchor names); never let them escape.
            errors.Add(file, 1, 1, "", $"cannot read YAML: {e.Message}");
            return null;
        }

        return roots;
    }

    private static void Add(string file, ErrorList errors, Stack<YamlFrame> stack, List<Node> roots, Node node)
    {
        if (stack.Count == 0)
        {
            roots.Add(node);
            return;
        }

        var frame = stack.Peek();
        if (frame.Container is ListNode list)
        {
            list.Items.Add(node);
            return;
        }

        var map = (MapNode)frame.Container;
        if (!frame.HasKey)
        {
            frame.HasKey = true;
            frame.Key = node as ScalarNode;
            if (frame.Key is null)
            {
                errors.Add(file, node, frame.Path, $"a key must be a plain name, found {node.Describe()}");
            }

            return;
        }

        var key = frame.Key;
        frame.HasKey = false;
        frame.Key = null;
        if (key is null)
        {
            return;
        }

        if (key.Value == MergeKey && key.IsPlain)
        {
            frame.Merges.Add(node);
            return;
        }

        var path = Join(frame.Path, key.Value);
        if (frame.Seen.TryGetValue(key.Value, out var first))
        {
            var what = stack.Count == 1 ? "entry" : "key";
            errors.Add(file, key, path, $"duplicate {what} '{key.Value}' (first at {file}:{first.Line}:{first.Column})");
            return;
        }

        frame.Seen.Add(key.Value, key);
        map.Entries.Add(new MapEntry(key, node));
    }

    /// <summary>Forgets the key whose value could not be read, so that no second error is made up about it.</summary>
    private static void DropValue(Stack<YamlFrame> stack)
    {
        if (stack.Count > 0 && stack.Peek() is { Container: MapNode, HasKey: true } frame)
        {
            frame.HasKey = false;
            frame.Key = null;
        }
    }

    /// <summary><c>&lt;&lt;: *defaults</c> adds the keys of the aliased mapping(s) that the mapping does not set itself.</summary>
    private static void ApplyMerges(string file, ErrorList errors, YamlFrame frame, MapNode map)
    {
        foreach (var value in frame.Merges)
        {
            var sources = value switch
            {
                MapNode one => [one],
                ListNode list when list.Items.All(i => i is MapNode) => list.Items.Cast<MapNode>().ToList(),
                _ => null,
            };
            if (sources is null)
            {
                errors.Add(file, value, Join(frame.Path, MergeKey), $"'<<' merges a mapping or a list of mappings, found {value.Describe()}");
                continue;
            }

            foreach (var entry in sources.SelectMany(s => s.Entries))
            {
                if (frame.Seen.TryAdd(entry.Key.Value, entry.Key))
                {
                    map.Entries.Add(entry);
                }
            }

        }
    }

    private static void Remember(Dictionary<string, Node> anchors, AnchorName anchor, Node node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    /// <summary>The key path a new child of the current frame will have: <c>parent.key</c> or <c>parent[i]</c>.</summary>
    private static string ChildPath(Stack<YamlFrame> stack)
    {
        if (stack.Count == 0)
        {
            return "";
        }

        var frame = stack.Peek();
        return frame.Container switch
        {
            ListNode list => $"{frame.Path}[{list.Items.Count}]",
            _ when frame.HasKey && frame.Key is not null => Join(frame.Path, frame.Key.Value),
            _ => frame.Path,
        };
    }

    /// <summary>Where a syntax error is: the key being read, or the list it is in.</summary>
    private static string PathOf(Stack<YamlFrame> stack) =>
        stack.Count > 0 && stack.Peek().Container is ListNode ? stack.Peek().Path : ChildPath(stack);

    private static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    private static int Line(Mark mark) => (int)Math.Min(int.MaxValue, mark.Line);

    private static int Column(Mark mark) => (int)Math.Min(int.MaxValue, mark.Column);
}
