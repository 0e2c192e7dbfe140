using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sky.Runtime;
using Sky.Testing.Peers;

namespace Sky.Api.Tests.Errors;

/// <summary>
/// What a person gets wrong is answered with a status code and a sentence, and logged by the daemon as one line at
/// information level with the reason; only a bug in sky is logged with a stack trace. A daemon of the test's own, on
/// the real engine (it creates nothing there), with its log captured.
/// </summary>
public sealed class RequestErrorTests : IAsyncLifetime, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sky-errors-").FullName;
    private readonly int port = FreePort.Next();
    private readonly LogCapture log = new();
    private readonly HttpClient http = new();
    private WebApplication? daemon;

    private string Api => $"http://127.0.0.1:{port}/api/v1";

    public Task InitializeAsync() => StartAsync(null);

    public async Task DisposeAsync()
    {
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public void Dispose()
    {
        http.Dispose();
        log.Dispose();
    }

    [Fact]
    public async Task An_unknown_service_is_a_404_and_one_information_line_without_a_stack_trace()
    {
        var (status, error) = await GetAsync("/services/nope");

        Assert.Equal((HttpStatusCode.NotFound, "no service named 'nope' in the applied configuration"), (status, error));
        AssertOneLine("GET /api/v1/services/nope: 404 no service named 'nope' in the applied configuration");
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_that_says_what_is_wrong_on_which_line_at_which_byte_in_which_field()
    {
        var (status, error) = await PostAsync("/validate", "{\"files\": [\n  {\"path\": \"a.yml\", \"content\": }]}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("the request body is not the JSON this endpoint takes: '}' is an invalid start of a value (line 2, byte 32, field $.files[0].content)", error);
        AssertOneLine($"POST /api/v1/validate: 400 {error}");
    }

    [Fact]
    public async Task A_value_of_the_wrong_kind_is_a_400_that_names_its_field()
    {
        var (status, error) = await PostAsync("/oneoffs", """{"image": 7}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("the request body is not the JSON this endpoint takes: expected a string (line 1, byte 12, field $.image)", error);
        AssertOneLine($"POST /api/v1/oneoffs: 400 {error}");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_that_says_what_the_endpoint_takes()
    {
        using var content = new StringContent("my-application:\n  image: base:0.7\n", Encoding.UTF8, "text/plain");
        using var answer = await http.PostAsync(new Uri(Api + "/validate"), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Equal("POST /api/v1/validate takes a body of Content-Type application/json, not text/plain; charset=utf-8", await ErrorOfAsync(answer));
        AssertOneLine("POST /api/v1/validate: 415 POST /api/v1/validate takes a body of Content-Type application/json, not text/plain; charset=utf-8");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_that_names_the_right_one_and_an_unknown_path_is_still_a_404()
    {
        var wrongMethod = await GetAsync("/apply");
        var unknown = await GetAsync("/nothing-here");

        Assert.Equal((HttpStatusCode.MethodNotAllowed, "GET /api/v1/apply: this path takes POST"), wrongMethod);
        Assert.Equal((HttpStatusCode.NotFound, "no such endpoint: GET /api/v1/nothing-here"), unknown);
        AssertNoStackTrace();
    }

    [Fact]
    public async Task A_name_no_configuration_could_define_is_a_400_with_the_naming_rule()
    {
        var service = await GetAsync("/services/My_App");
        var job = await GetAsync("/jobs/Nightly/runs");
        var instance = await GetAsync("/services/web?instance=EU");

        Assert.Equal(HttpStatusCode.BadRequest, service.Status);
        Assert.StartsWith("'My_App' is not a valid name (use at most 63 lower-case letters, digits and '-'", service.Error, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, true), (job.Status, job.Error.StartsWith("'Nightly' is not a valid name", StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.BadRequest, true), (instance.Status, instance.Error.StartsWith("'EU' is not a valid name", StringComparison.Ordinal)));
        AssertNoStackTrace();
    }

    [Fact]
    public async Task A_missing_image_and_an_unknown_one_off_are_404s_logged_in_one_line_each()
    {
        var image = await PostAsync("/oneoffs", """{"image": "sky-no-such-image:0.0"}""");
        var oneOff = await GetAsync("/oneoffs/0123456789ab");

        Assert.Equal((HttpStatusCode.NotFound, "image sky-no-such-image:0.0 is not on this engine (sky never pulls: build or load it first)"), image);
        Assert.Equal((HttpStatusCode.NotFound, "no one-off container 0123456789ab (see sky containers)"), oneOff);
        AssertOneLine($"POST /api/v1/oneoffs: 404 {image.Error}");
        AssertOneLine($"GET /api/v1/oneoffs/0123456789ab: 404 {oneOff.Error}");
    }

    [Fact]
    public async Task A_bug_in_sky_is_a_500_and_its_stack_trace_is_logged_at_error_level()
    {
        await StopAsync();
        await StartAsync(EngineWithABug.Create());

        var (status, error) = await GetAsync("/version");

        Assert.Equal((HttpStatusCode.InternalServerError, $"internal error: {EngineWithABug.Bug}"), (status, error));
        var entry = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(nameof(EngineWithABug), Assert.IsType<InvalidOperationException>(entry.Exception).StackTrace, StringComparison.Ordinal);
    }

    private async Task StartAsync(IContainerRuntime? runtime)
    {
        daemon = SkyDaemon.Build(new DaemonOptions { Listen = $"127.0.0.1:{port}", DataDirectory = folder, Namespace = $"e{Guid.NewGuid():N}"[..9], Router = new Sky.Router.RouterListeners { Http = "127.0.0.1:0" } }, runtime);
        daemon.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await daemon.StartAsync();
    }

    private async Task StopAsync()
    {
        if (daemon is not null)
        {
            await daemon.StopAsync();
            await daemon.DisposeAsync();
            daemon = null;
        }
    }

    private async Task<(HttpStatusCode Status, string Error)> GetAsync(string path)
    {
        using var answer = await http.GetAsync(new Uri(Api + path));
        return (answer.StatusCode, await ErrorOfAsync(answer));
    }

    private async Task<(HttpStatusCode Status, string Error)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync(new Uri(Api + path), content);
        return (answer.StatusCode, await ErrorOfAsync(answer));
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage answer)
    {
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetString()!;
    }

    /// <summary>The request's one line, at information level and with nothing attached; and no entry anywhere with a stack trace.</summary>
    private void AssertOneLine(string line)
    {
        var entries = log.Entries;
        var entry = Assert.Single(entries, e => e.Message == line);
        Assert.Equal((LogLevel.Information, null), (entry.Level, entry.Exception));
        AssertNoStackTrace();
    }

    private void AssertNoStackTrace()
    {
        var entries = log.Entries;
        Assert.DoesNotContain(entries, e => e.Exception is not null || e.Level >= LogLevel.Error || e.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }
}
