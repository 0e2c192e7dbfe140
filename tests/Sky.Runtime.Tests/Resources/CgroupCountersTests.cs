using System.Text;
using Sky.Runtime.Resources;

namespace Sky.Runtime.Tests.Resources;

/// <summary>The kernel's formats as this machine writes them, and what sky makes of them.</summary>
public class CgroupCountersTests
{
    private static byte[] Text(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void Network_bytes_are_summed_over_every_interface_but_loopback()
    {
        var dev = Text("""
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo: 10286233963 56370655    0    0    0     0          0         0 10286233963 56370655    0    0    0     0       0          0
              eth0:    5120      40    0    0    0     0          0         0     2048      20    0    0    0     0       0          0
              eth1:1000 10 0 0 0 0 0 0 300 3 0 0 0 0 0 0

            """);

        Assert.Equal((6120L, 2348L), CgroupCounters.NetworkBytes(dev));
    }

    [Fact]
    public void One_key_is_read_from_memory_stat_and_a_longer_key_it_begins_is_not_taken_for_it()
    {
        var stat = Text("cache 0\nrss 106496\ninactive_file_extra 7\ninactive_file 4096\ntotal_inactive_file 8192\n");

        Assert.Equal(4096, CgroupCounters.KeyValue(stat, "inactive_file"u8));
        Assert.Equal(8192, CgroupCounters.KeyValue(stat, "total_inactive_file"u8));
        Assert.Equal(0, CgroupCounters.KeyValue(stat, "no_such_key"u8));
    }

    [Fact]
    public void A_number_file_is_read_with_its_newline_and_anything_else_is_an_error()
    {
        Assert.Equal(9223372036854771712, CgroupCounters.Number(Text("9223372036854771712\n")));

        var error = Assert.Throws<FormatException>(() => CgroupCounters.Number(Text("max\n")));
        Assert.Contains("max", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blkio_reads_and_writes_are_summed_over_devices()
    {
        var blkio = Text("8:0 Read 4096\n8:0 Write 100\n8:0 Sync 4196\n8:0 Total 4196\n8:16 Read 1\n8:16 Write 2\nTotal 4199\n");

        Assert.Equal((4097L, 102L), CgroupCounters.BlkioBytes(blkio));
    }

    [Fact]
    public void Io_stat_reads_and_writes_are_summed_over_devices()
    {
        var io = Text("8:0 rbytes=4096 wbytes=100 rios=1 wios=1 dbytes=0 dios=0\n254:0 rbytes=1 wbytes=2 rios=1 wios=1\n");

        Assert.Equal((4097L, 102L), CgroupCounters.IoStatBytes(io));
    }
}
