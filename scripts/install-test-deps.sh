#!/usr/bin/env bash
# Installs, from Debian, the real peers the tests talk to: the Docker engine, busybox for the stand-in images,
# tmux (the interactive-shell test types into a real terminal), aiosmtpd (an SMTP sink for alert e-mails) and rsyslog
# (a syslog receiver for log forwarding), node with npm, Prometheus and promtool (they scrape and check the daemon's
# /metrics), carbon with whisper (the Graphite the exporter sends to), docker-registry (the registry sky build --push
# pushes to and the engine pulls from), chromium (the browser Playwright drives in the dashboard's tests: Debian's, no
# browser download); then, from npm, etsy statsd 0.9.0 into
# .peers/statsd (the reference the StatsD server's differential test compares sky with).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v busybox >/dev/null 2>&1 || need+=(busybox-static)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
command -v rsyslogd >/dev/null 2>&1 || [ -x /usr/sbin/rsyslogd ] || need+=(rsyslog)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
command -v carbon-cache >/dev/null 2>&1 || need+=(graphite-carbon python3-whisper)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]} (Debian)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    echo "installing prometheus (Debian, without its recommends: the exporters are not needed)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
if [ ! -f "$root/.peers/statsd/node_modules/statsd/stats.js" ]; then
    echo "installing statsd@0.9.0 (npm) into .peers/statsd"
    npm install --no-audit --no-fund --prefix "$root/.peers/statsd" statsd@0.9.0 >/dev/null
fi
