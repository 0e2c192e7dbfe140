#!/bin/sh
# The host name is the container's short id: / says who answered.
hostname > /www/index.html
exec httpd -f -p 8080 -h /www
