using Sky.Model;

namespace Sky.Api.Tests;

public sealed class DaemonIdentityFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Directory.CreateTempSubdirectory("sky-identity-").FullName, "data");

    [Fact]
    public void The_first_start_makes_the_data_folder_and_its_identity_and_every_later_start_reads_the_same()
    {
        var first = DaemonIdentityFile.LoadOrCreate(folder);
        var again = DaemonIdentityFile.LoadOrCreate(folder);

        Assert.True(DaemonIdentity.IsValid(first.Id), first.Id);
        Assert.Equal(first, again);
        Assert.Equal(Path.GetFullPath(folder), first.DataFolder);
        Assert.Equal(first.Id, File.ReadAllText(Path.Combine(folder, DaemonIdentityFile.FileName)).Trim());
        Assert.Equal([DaemonIdentityFile.FileName], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Two_data_folders_get_two_identities()
    {
        var other = folder + "-other";

        Assert.NotEqual(DaemonIdentityFile.LoadOrCreate(folder).Id, DaemonIdentityFile.LoadOrCreate(other).Id);
    }

    [Fact]
    public void An_identity_file_holding_no_identity_stops_the_daemon_and_is_left_as_it_is()
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, DaemonIdentityFile.FileName);
        File.WriteAllText(path, "Not An Id!\n");

        var error = Assert.Throws<InvalidDataException>(() => DaemonIdentityFile.LoadOrCreate(folder));

        Assert.StartsWith($"{path} holds no sky daemon identity", error.Message, StringComparison.Ordinal);
        Assert.Equal("Not An Id!\n", File.ReadAllText(path));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
}
