using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Sky.Testing.Peers;

namespace Sky.Api.Tests;

/// <summary><c>GET /api/v1/openapi.json</c>: the daemon describes its endpoints with the contract types they answer with.</summary>
public sealed class ApiDocumentTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-openapi-").FullName;
    private readonly int port = FreePort.Next();
    private WebApplication? daemon;
    private JsonElement document;

    public async Task InitializeAsync()
    {
        // A daemon of its own that creates no container: the document needs only the endpoints as mapped.
        daemon = SkyDaemon.Build(new DaemonOptions { Listen = $"127.0.0.1:{port}", DataDirectory = folder, Namespace = $"o{Guid.NewGuid():N}"[..9], Router = new Sky.Router.RouterListeners { Http = "127.0.0.1:0" } });
        await daemon.StartAsync();
        using var http = new HttpClient();
        document = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}{ApiDocument.Path}"))).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (daemon is not null)
        {
            await daemon.StopAsync();
            await daemon.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("/api/v1/version", "get")]
    [InlineData("/api/v1/apply", "post")]
    [InlineData("/api/v1/revisions", "get")]
    [InlineData("/api/v1/services", "get")]
    [InlineData("/api/v1/services/{name}", "get")]
    [InlineData("/api/v1/services/{name}/restart", "post")]
    [InlineData("/api/v1/services/{name}/stats", "get")]
    [InlineData("/api/v1/services/{name}/logs", "get")]
    [InlineData("/api/v1/containers", "get")]
    [InlineData("/api/v1/jobs", "get")]
    [InlineData("/api/v1/jobs/{name}/start", "post")]
    [InlineData("/api/v1/jobs/{name}/runs/{number}", "get")]
    [InlineData("/api/v1/oneoffs", "post")]
    [InlineData("/api/v1/runs", "post")]
    [InlineData("/api/v1/events/stream", "get")]
    [InlineData("/api/v1/alerts", "get")]
    [InlineData("/api/v1/notify", "post")]
    public void The_main_paths_are_described(string path, string method)
    {
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document");
        Assert.True(item.TryGetProperty(method, out _), $"{path} has no {method}");
    }

    [Fact]
    public void The_not_found_fallback_is_no_endpoint_of_the_document()
    {
        Assert.All(document.GetProperty("paths").EnumerateObject(), p => Assert.StartsWith("/api/v1/", p.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_job_run_is_named_with_its_duration_in_seconds_as_a_number()
    {
        var run = Schema("JobRunView").GetProperty("properties");

        Assert.Equal(["null", "number"], Types(run.GetProperty("durationSeconds")).Order(StringComparer.Ordinal));
        Assert.Contains("string", Types(run.GetProperty("state")));
        Assert.False(run.TryGetProperty("duration", out _));
    }

    [Fact]
    public void The_run_history_answers_with_a_list_of_job_runs_and_errors_with_an_api_error()
    {
        var runs = document.GetProperty("paths").GetProperty("/api/v1/jobs/{name}/runs").GetProperty("get");

        Assert.Equal("ListJobRuns", runs.GetProperty("operationId").GetString());
        var ok = runs.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/JobRunView", ok.GetProperty("items").GetProperty("$ref").GetString());
        var notFound = runs.GetProperty("responses").GetProperty("404").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/ApiError", notFound.GetProperty("$ref").GetString());
    }

    [Theory]
    [InlineData("ServiceStatusView", "instances")]
    [InlineData("ContainerStatusView", "upToDate")]
    [InlineData("AlertView", "maintainerEmail")]
    [InlineData("OneOffView", "createdBy")]
    [InlineData("StreamMessage", "steps")]
    [InlineData("FeedSnapshotView", "containers")]
    [InlineData("FeedChangeView", "hostPorts")]
    public void The_contract_schemas_are_named_with_camel_case_properties(string schema, string property)
    {
        Assert.True(Schema(schema).GetProperty("properties").TryGetProperty(property, out _), $"{schema} has no {property}");
    }

    private JsonElement Schema(string name) =>
        document.GetProperty("components").GetProperty("schemas").TryGetProperty(name, out var schema)
            ? schema
            : throw new Xunit.Sdk.XunitException($"{name} is not among the schemas: {string.Join(", ", document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name))}");

    /// <summary>OpenAPI 3.1 writes a nullable type as a list (<c>["null", "number"]</c>), a plain one as a word.</summary>
    private static IEnumerable<string?> Types(JsonElement schema) =>
        schema.GetProperty("type") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Select(t => t.GetString()) : [schema.GetProperty("type").GetString()];
}
