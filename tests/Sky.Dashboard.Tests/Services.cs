namespace Sky.Dashboard.Tests;

/// <summary>The configurations the dashboard's tests apply, on the stand-in images scripts/build-images.sh builds.</summary>
public static class Services
{
    /// <summary>One service, one container, checked over HTTP every second, at the given version of my-application.</summary>
    public static string Web(string version = "1.0-SNAPSHOT") => $"""
        web:
          maintainer: {"{"} name: Jane Doe, email: jane@example.com {"}"}
          image: my-application
          version: {version}
          ports: [ 8080 ]
          checks:
            - http: /health
              port: 8080
              interval: 1s
        """;

    /// <summary>The mission's example (examples/my-application.yml) whole.</summary>
    public static string Example() => File.ReadAllText(Path.Combine(RepositoryRoot(), "examples", "my-application.yml"));

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "sky.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("sky.slnx not found above " + AppContext.BaseDirectory);
    }
}
