# The Graphite end of bench/statsd.sh: carbon's plaintext protocol (`path value timestamp` lines over TCP) on one
# or more loopback ports, each summing the values of one path and writing its running total (and the lines read)
# to its own file after every read. Usage: statsd-carbon.py PATH PORT FILE [PORT FILE ...]
import os
import selectors
import socket
import sys

path = sys.argv[1].encode()
selector = selectors.DefaultSelector()
totals = {}

def write(port):
    total, lines, name = totals[port]
    with open(name + ".tmp", "w") as out:
        out.write("%d %d\n" % (round(total), lines))
    os.replace(name + ".tmp", name)

for port, name in zip(sys.argv[2::2], sys.argv[3::2]):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", int(port)))
    server.listen(16)
    server.setblocking(False)
    totals[int(port)] = [0.0, 0, name]
    write(int(port))
    selector.register(server, selectors.EVENT_READ, ("accept", int(port)))

while True:
    for key, _ in selector.select():
        kind, port = key.data[0], key.data[1]
        if kind == "accept":
            connection, _ = key.fileobj.accept()
            connection.setblocking(False)
            selector.register(connection, selectors.EVENT_READ, ("read", port, [b""]))
            continue
        pending = key.data[2]
        try:
            data = key.fileobj.recv(65536)
        except (BlockingIOError, InterruptedError):
            continue
        except OSError:
            data = b""
        if not data:
            selector.unregister(key.fileobj)
            key.fileobj.close()
            continue
        *lines, pending[0] = (pending[0] + data).split(b"\n")
        entry = totals[port]
        for line in lines:
            fields = line.split()
            entry[1] += 1
            if len(fields) == 3 and fields[0] == path:
                entry[0] += float(fields[1])
        write(port)
