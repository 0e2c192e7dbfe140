using Sky.Configuration.Yaml;

namespace Sky.Configuration.Tests.Yaml;

public class YamlTreeReaderTests
{
    private static (IReadOnlyList<Node>? Roots, List<string> Errors) Read(string yaml)
    {
        var errors = new ErrorList();
        var roots = YamlTreeReader.Read("f.yml", yaml, errors);
        return (roots, errors.Sorted(["f.yml"]).Select(e => e.ToString()).ToList());
    }

    [Fact]
    public void Nodes_keep_their_one_based_line_and_column()
    {
        var (roots, errors) = Read("a:\n  b: [1, 22]\n");

        Assert.Empty(errors);
        var a = (MapNode)Assert.Single(roots!);
        var b = (MapNode)a.Entries[0].Value;
        var list = (ListNode)b.Entries[0].Value;
        Assert.Equal((2, 3), (b.Entries[0].Key.Line, b.Entries[0].Key.Column));
        Assert.Equal((2, 10), (list.Items[1].Line, list.Items[1].Column));
        Assert.Equal("22", ((ScalarNode)list.Items[1]).Value);
    }

    [Fact]
    public void A_duplicate_nested_key_is_reported_with_the_first_position_and_dropped()
    {
        var (roots, errors) = Read("a:\n  env:\n    X: 1\n    X: 2\n");

        Assert.Equal(["f.yml:4:5: a.env.X: duplicate key 'X' (first at f.yml:3:5)"], errors);
        var env = (MapNode)((MapNode)((MapNode)roots![0]).Entries[0].Value).Entries[0].Value;
        Assert.Equal("1", ((ScalarNode)Assert.Single(env.Entries).Value).Value);
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_are_followed()
    {
        var (roots, errors) = Read("base: &base {image: x, memory: 1g}\napp:\n  <<: *base\n  memory: 2g\n");

        Assert.Empty(errors);
        var app = (MapNode)((MapNode)roots![0]).Entries[1].Value;
        Assert.Equal(["memory", "image"], app.Entries.Select(e => e.Key.Value));
        Assert.Equal("2g", ((ScalarNode)app.Find("memory")!.Value).Value);
    }

    [Fact]
    public void A_merge_of_something_else_than_mappings_is_an_error()
    {
        var (_, errors) = Read("a:\n  <<: [1]\n");

        Assert.Equal(["f.yml:2:7: a.<<: '<<' merges a mapping or a list of mappings, found a list"], errors);
    }

    [Fact]
    public void A_key_that_is_not_a_scalar_is_an_error()
    {
        var (_, errors) = Read("? [a, b]\n: c\n");

        Assert.Equal(["f.yml:1:3: a key must be a plain name, found a list"], errors);
    }

    [Fact]
    public void Every_document_of_a_stream_is_read()
    {
        var (roots, errors) = Read("a: 1\n---\nb: 2\n");

        Assert.Empty(errors);
        Assert.Equal(2, roots!.Count);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("~", true)]
    [InlineData("null", true)]
    [InlineData("''", false)]
    [InlineData("'null'", false)]
    [InlineData("!!null x", true)]
    public void Null_is_told_apart_from_an_empty_string(string value, bool isNull)
    {
        var (roots, _) = Read($"a: {value}\n");

        Assert.Equal(isNull, ((ScalarNode)((MapNode)roots![0]).Entries[0].Value).IsNull);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_an_error_at_the_bracket_that_goes_too_deep()
    {
        // 100,000 levels once cost gigabytes of key paths and took the process down; now it stops at the limit.
        var (roots, errors) = Read("a: " + new string('[', 100_000) + new string(']', 100_000));

        Assert.Null(roots);
        var error = Assert.Single(errors);
        Assert.StartsWith($"f.yml:1:{4 + YamlTreeReader.MaxDepth - 1}: a[0][0]", error, StringComparison.Ordinal);
        Assert.EndsWith($": nested deeper than {YamlTreeReader.MaxDepth} levels", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var depth = YamlTreeReader.MaxDepth - 1;
        var (roots, errors) = Read("a: " + new string('[', depth) + new string(']', depth));

        Assert.Empty(errors);
        var node = ((MapNode)roots![0]).Entries[0].Value;
        for (var level = 1; level < depth; level++)
        {
            node = Assert.Single(((ListNode)node).Items);
        }

        Assert.Empty(((ListNode)node).Items);
    }
}
