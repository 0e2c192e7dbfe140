using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

// statsd-sender PORT RATE SECONDS: sends RATE datagrams a second for SECONDS to 127.0.0.1:PORT, then prints
// "SENT ELAPSED-SECONDS MAX-LAG-MS" (MAX-LAG-MS: how far the sender fell behind its schedule at worst).
// Pacing: every millisecond or so (Thread.Sleep(1)) it sends what the schedule says is due by then, so the load is
// the rate in steps of about a millisecond, not bursts, and the sender leaves the CPU between steps. When it was kept
// off the CPU for longer it sends at most 10 ms of the schedule at once and skips the rest: a burst after a stall
// must not decide the loss. It then sends fewer than RATE * SECONDS, which the caller sees in SENT.
// Every datagram's first line is bench.hits:1|c: stats_counts.bench.hits at the Graphite end equals the datagrams
// received. The rest is a mix that repeats every 20 datagrams: plain and sampled counters, gauges (set and moved),
// timers (plain and sampled), sets, and datagrams of several metrics.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: statsd-sender PORT RATE SECONDS");
    return 2;
}

var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var rate = double.Parse(args[1], CultureInfo.InvariantCulture);
var seconds = double.Parse(args[2], CultureInfo.InvariantCulture);
var total = (long)(rate * seconds);

var packets = new byte[1000][];
for (var i = 0; i < packets.Length; i++)
{
    var rest = (i % 20) switch
    {
        0 or 10 => string.Empty,
        1 or 11 => "\nbench.requests:3|c|@0.5",
        2 or 12 => "\nbench.latency:12|ms",
        3 => "\nbench.queue:42|g",
        13 => "\nbench.queue:+1|g",
        4 or 14 => $"\nbench.users:user{i % 100}|s",
        5 or 15 => $"\nbench.latency:{i % 250}|ms|@0.1",
        6 => "\nbench.errors:1|c\nbench.latency:30|ms\nbench.queue:-1|g",
        16 => $"\nbench.bytes:{512 + i}|c\nbench.size:{i}|ms\nbench.users:user{i % 7}|s\nbench.temperature:21.5|g",
        7 or 17 => "\nbench.api.get:1|c\nbench.api.get.time:8|ms",
        8 => "\nbench.db.query:1|c|@0.25\nbench.db.time:3.5|ms|@0.25",
        18 => "\nbench.cache.hit:1|c\nbench.cache.miss:0|c\nbench.cache.size:1024|g",
        _ => "\nbench.jobs:2|c",
    };
    packets[i] = Encoding.ASCII.GetBytes("bench.hits:1|c" + rest);
}

using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
socket.SendBufferSize = 4 * 1024 * 1024;
socket.Connect(new IPEndPoint(IPAddress.Loopback, port));

var ticksPerPacket = Stopwatch.Frequency / rate;
var catchUp = Math.Max(1, (long)(rate / 100));
var clock = Stopwatch.StartNew();
long sent = 0;
long skipped = 0;
double maxLag = 0;
while (true)
{
    var now = clock.ElapsedTicks;
    var scheduled = Math.Min(total, (long)(now / ticksPerPacket) + 1);
    var behind = scheduled - skipped - sent;
    maxLag = Math.Max(maxLag, (behind - 1) * ticksPerPacket);
    if (behind > catchUp)
    {
        skipped += behind - catchUp;
        behind = catchUp;
    }

    for (var due = sent + behind; sent < due; sent++)
    {
        try
        {
            socket.Send(packets[sent % packets.Length]);
        }
        catch (SocketException)
        {
            // A refused port (ICMP from an earlier datagram) or a full send buffer: the datagram counts as sent,
            // and lost, as a StatsD client's would be.
        }
    }

    if (scheduled == total)
    {
        break;
    }

    Thread.Sleep(1);
}

var elapsed = clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sent} {elapsed:F3} {maxLag * 1000 / Stopwatch.Frequency:F1}"));
return 0;
