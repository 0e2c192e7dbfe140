using Sky.Api.Access;

namespace Sky.Api.Tests.Access;

public sealed class ApiTokenFileTests
{
    [Fact]
    public void The_token_is_made_once_readable_by_its_owner_only_and_kept()
    {
        var folder = Directory.CreateTempSubdirectory("sky-token-").FullName;
        try
        {
            var first = ApiTokenFile.LoadOrCreate(folder);
            var again = ApiTokenFile.LoadOrCreate(folder);

            Assert.Equal(first, again);
            Assert.Equal(first, ApiTokenFile.Read(folder));
            Assert.True(ApiTokenFile.IsValid(first));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, ApiTokenFile.FileName)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_token_file_holding_no_token_is_refused_not_replaced()
    {
        var folder = Directory.CreateTempSubdirectory("sky-token-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, ApiTokenFile.FileName), "short\n");

            var refusal = Assert.Throws<InvalidDataException>(() => ApiTokenFile.LoadOrCreate(folder));

            Assert.Contains("holds no sky API token", refusal.Message, StringComparison.Ordinal);
            Assert.Equal("short\n", File.ReadAllText(Path.Combine(folder, ApiTokenFile.FileName)));
            Assert.Null(ApiTokenFile.Read(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void No_folder_means_no_token_to_read()
    {
        Assert.Null(ApiTokenFile.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));
    }
}
