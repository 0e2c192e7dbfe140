// Times the dashboard in a real browser and measures what open pages cost the daemon:
//   dashboard-timer ADDRESS DAEMON_PID ROUNDS PAGES IDLE_SECONDS OPEN_SECONDS
// 1. ROUNDS fresh loads of the overview: first contentful paint, the overview drawn with its data (the page's
//    'sky-overview-painted' mark) and live (the state feed's first snapshot, 'sky-live'), in ms from navigation start.
// 2. The daemon's CPU over IDLE_SECONDS with no page open (the anchor), then with PAGES overview pages open once they
//    have been open OPEN_SECONDS (pages stay open for hours: what the first minutes cost, the runtime compiling the
//    paths their refreshes take, is not what an open page costs), then with none open again (a second anchor).
// Prints one "name=value" line per figure.
using System.Globalization;
using Microsoft.Playwright;

var address = args[0];
var daemonPid = int.Parse(args[1], CultureInfo.InvariantCulture);
var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
var pageCount = int.Parse(args[3], CultureInfo.InvariantCulture);
var idle = TimeSpan.FromSeconds(double.Parse(args[4], CultureInfo.InvariantCulture));
var openFor = TimeSpan.FromSeconds(double.Parse(args[5], CultureInfo.InvariantCulture));

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("SKY_CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

var paints = new List<double>();
var painted = new List<double>();
var lives = new List<double>();
var rows = 0;
for (var round = 0; round < rounds; round++)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
    var page = await context.NewPageAsync();

    // A page that fails says why here, rather than as a timeout.
    page.Console += (_, message) => Console.Error.WriteLine($"page console {message.Type}: {message.Text}");
    page.PageError += (_, error) => Console.Error.WriteLine($"page error: {error}");
    await page.GotoAsync(address + "/");
    await page.WaitForSelectorAsync("body[data-painted='true'][data-live='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    var marks = await page.EvaluateAsync<double[]>(
        "() => ['first-contentful-paint', 'sky-overview-painted', 'sky-live'].map(n => performance.getEntriesByName(n)[0]?.startTime ?? -1)");
    paints.Add(marks[0]);
    painted.Add(marks[1]);
    lives.Add(marks[2]);
    rows = await page.Locator("tr[data-container]").CountAsync();
    await context.CloseAsync();
}

Console.WriteLine($"rows={rows}");
Console.WriteLine($"first-contentful-paint-ms={Median(paints):F0}");
Console.WriteLine($"overview-painted-ms={Median(painted):F0}");
Console.WriteLine($"live-ms={Median(lives):F0}");
Console.WriteLine($"overview-painted-max-ms={painted.Max():F0}");

Console.WriteLine($"cpu-no-page-percent={await CpuPercentAsync(daemonPid, idle):F2}");
var open = new List<IBrowserContext>();
for (var i = 0; i < pageCount; i++)
{
    var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    await page.GotoAsync(address + "/");
    await page.WaitForSelectorAsync("body[data-painted='true'][data-live='true']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    open.Add(context);
}

// Let the loads' own work end, and the pages' refreshes run a while, before the window.
await Task.Delay(TimeSpan.FromSeconds(5) + openFor);
Console.WriteLine($"cpu-pages-percent={await CpuPercentAsync(daemonPid, idle):F2}");
foreach (var context in open)
{
    await context.CloseAsync();
}

await Task.Delay(TimeSpan.FromSeconds(5));
Console.WriteLine($"cpu-no-page-after-percent={await CpuPercentAsync(daemonPid, idle):F2}");

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
}

// User plus system time from /proc/PID/stat over the window, in % of one core.
static async Task<double> CpuPercentAsync(int pid, TimeSpan window)
{
    var ticks = 100.0; // USER_HZ: 100 on Linux.
    var before = CpuTicks(pid);
    await Task.Delay(window);
    var after = CpuTicks(pid);
    return (after - before) / ticks / window.TotalSeconds * 100;
}

static long CpuTicks(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
}
