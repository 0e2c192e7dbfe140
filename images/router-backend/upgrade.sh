#!/bin/sh
# Answers one connection on 8081: any request is upgraded (101), then every byte is echoed back, as a WebSocket
# echo server would, without the framing (the router passes upgraded bytes through as they are).
while IFS= read -r line; do
    line=$(printf '%s' "$line" | tr -d '\r')
    [ -z "$line" ] && break
done
printf 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'
exec cat
