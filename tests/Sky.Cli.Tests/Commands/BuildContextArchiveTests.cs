using System.Formats.Tar;
using Sky.Cli.Commands;

namespace Sky.Cli.Tests.Commands;

public sealed class BuildContextArchiveTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sky-context-");

    [Fact]
    public async Task A_folder_is_packed_with_its_files_at_the_root_of_the_archive()
    {
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Dockerfile"), "FROM scratch\n");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "app"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "app", "run.sh"), "echo\n");

        await using var archive = await BuildContextArchive.PackAsync(folder.FullName, null, CancellationToken.None);

        Assert.Equal("Dockerfile", archive.Dockerfile);
        Assert.Contains("Dockerfile", Names(archive.Content));
        Assert.Contains("app/run.sh", Names(archive.Content));
    }

    [Fact]
    public async Task A_Dockerfile_named_with_f_is_found_inside_the_archive_by_its_path_in_the_folder()
    {
        Directory.CreateDirectory(Path.Combine(folder.FullName, "docker"));
        var file = Path.Combine(folder.FullName, "docker", "web.Dockerfile");
        await File.WriteAllTextAsync(file, "FROM scratch\n");

        await using var archive = await BuildContextArchive.PackAsync(folder.FullName, file, CancellationToken.None);

        Assert.Equal("docker/web.Dockerfile", archive.Dockerfile);
    }

    [Fact]
    public async Task A_folder_without_a_Dockerfile_is_invalid_input_before_the_daemon_is_asked()
    {
        var error = await Assert.ThrowsAsync<CliException>(() => BuildContextArchive.PackAsync(folder.FullName, null, CancellationToken.None));

        Assert.Equal(ExitCodes.Invalid, error.ExitCode);
        Assert.Equal($"the build folder '{folder.FullName}' holds no Dockerfile (name another with -f FILE)", error.Message);
    }

    [Fact]
    public async Task A_Dockerfile_outside_the_folder_is_refused_since_the_engine_would_not_see_it()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"sky-outside-{Guid.NewGuid():N}.Dockerfile");
        await File.WriteAllTextAsync(outside, "FROM scratch\n");
        try
        {
            var error = await Assert.ThrowsAsync<CliException>(() => BuildContextArchive.PackAsync(folder.FullName, outside, CancellationToken.None));

            Assert.Equal(ExitCodes.Invalid, error.ExitCode);
            Assert.Contains("is outside the build folder", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static List<string> Names(Stream archive)
    {
        archive.Position = 0;
        var names = new List<string>();
        using var reader = new TarReader(archive, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name.TrimEnd('/'));
        }

        return names;
    }
}
