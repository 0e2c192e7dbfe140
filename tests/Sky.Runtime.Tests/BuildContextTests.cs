using System.Formats.Tar;

namespace Sky.Runtime.Tests;

public class BuildContextTests
{
    [Fact]
    public async Task A_folder_is_packed_with_its_files_at_the_root_of_the_archive()
    {
        var folder = Directory.CreateTempSubdirectory("skyrt-context-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Dockerfile"), "FROM scratch\n");
            Directory.CreateDirectory(Path.Combine(folder.FullName, "app"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "app", "run.sh"), "echo\n");

            await using var archive = await BuildContext.PackAsync(folder.FullName, CancellationToken.None);
            var names = new List<string>();
            using var reader = new TarReader(archive);
            while (reader.GetNextEntry() is { } entry)
            {
                names.Add(entry.Name.TrimEnd('/'));
            }

            Assert.Contains("Dockerfile", names);
            Assert.Contains("app/run.sh", names);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_folder_without_a_Dockerfile_is_refused_before_the_engine_is_asked()
    {
        var folder = Directory.CreateTempSubdirectory("skyrt-context-");
        try
        {
            await Assert.ThrowsAsync<FileNotFoundException>(() => BuildContext.PackAsync(folder.FullName, CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
