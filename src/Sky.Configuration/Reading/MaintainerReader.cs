using Sky.Configuration.Values;
using Sky.Configuration.Yaml;
using Sky.Model;

namespace Sky.Configuration.Reading;

/// <summary>Reads <c>maintainer:</c>, the person alerts and job notifications go to.</summary>
internal sealed class MaintainerReader(ValueReader values)
{
    public Maintainer? Read(Node node, string path)
    {
        if (values.Map(node, path, "a mapping with name and email") is not { } map)
        {
            return null;
        }

        string? name = null;
        string? email = null;
        foreach (var (key, value) in map.Entries)
        {
            var keyPath = $"{path}.{key.Value}";
            if (key.Value == "name")
            {
                name = values.Text(value, keyPath, "a name");
            }
            else if (key.Value == "email")
            {
                email = values.Text(value, keyPath, "an e-mail address");
                if (email is not null && (email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
                {
                    values.Report(value, keyPath, $"'{email}' is not an e-mail address");
                    email = null;
                }
            }
            else
            {
                values.Report(key, keyPath, $"unknown key '{key.Value}'{Suggestions.Hint(key.Value, ["name", "email"])}");
            }
        }

        if (map.Find("name") is null || map.Find("email") is null)
        {
            values.Report(map, path, "a maintainer needs both name and email");
        }

        return name is not null && email is not null ? new Maintainer(name, email) : null;
    }
}
