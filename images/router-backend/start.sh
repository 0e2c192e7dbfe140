#!/bin/sh
# The host name is the container's short id: / says who answered.
hostname > /www/index.html
# 8081 upgrades every connection and echoes its bytes (the router's WebSocket test).
nc -ll -p 8081 -e /upgrade.sh &
exec httpd -f -p 8080 -h /www
