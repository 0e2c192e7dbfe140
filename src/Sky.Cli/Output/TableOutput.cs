using Spectre.Console;

namespace Sky.Cli.Output;

/// <summary>Plain, borderless tables for people; wide enough that names are never wrapped when output is piped.</summary>
public static class TableOutput
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var table = new Table().Border(TableBorder.None).HideFooters();
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(header.ToUpperInvariant()).NoWrap().PadRight(2).PadLeft(0));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => Markup.Escape(cell)).ToArray());
        }

        console.Write(table);
    }
}
