#!/bin/sh
# sky snitch, inside a sky container (mounted by the daemon at /usr/local/bin/snitch; POSIX sh, works with busybox).
# Runs a command, prints timestamped start and end lines, exits with the command's exit code, and hands a notice to
# the daemon through the folder it mounted at /run/sky/outbox: the daemon sends it by e-mail and/or webhook, exactly as
# `sky snitch` on a host does, and answers in a .result file next to it.
outbox=/run/sky/outbox
usage() {
    echo "usage: snitch [--notify-email ADDR] [--notify-webhook URL] -c \"CMD\"" >&2
    exit 2
}
email=
webhook=
cmd=
while [ $# -gt 0 ]; do
    case "$1" in
        --notify-email) [ $# -ge 2 ] || usage; email=$2; shift 2 ;;
        --notify-email=*) email=${1#*=}; shift ;;
        --notify-webhook) [ $# -ge 2 ] || usage; webhook=$2; shift 2 ;;
        --notify-webhook=*) webhook=${1#*=}; shift ;;
        -c|--command) [ $# -ge 2 ] || usage; cmd=$2; shift 2 ;;
        --command=*) cmd=${1#*=}; shift ;;
        -h|--help) usage ;;
        *) echo "snitch: unknown argument '$1'" >&2; usage ;;
    esac
done
if [ -z "$(printf '%s' "$cmd" | tr -d ' \t\n')" ]; then
    echo "error: the command is empty" >&2
    exit 2
fi

stamp() { date -u +%Y-%m-%dT%H:%M:%SZ; }
uptime_now() { cut -d' ' -f1 /proc/uptime; }
# 3.2s under a minute, 2m03.5s under an hour, 1h02m03s beyond: the words of sky snitch on a host.
format_duration() {
    awk -v s="$1" 'BEGIN {
        if (s < 60) printf "%.1fs", s
        else if (s < 3600) printf "%dm%04.1fs", int(s / 60), s - 60 * int(s / 60)
        else printf "%dh%02dm%02ds", int(s / 3600), int((s % 3600) / 60), int(s % 60)
    }'
}

work=$(mktemp -d)
started=$(stamp)
t0=$(uptime_now)
echo "[$started] snitch: started: $cmd"
# stdout and stderr both go to the terminal and to the tail kept for the notice.
{ sh -c "$cmd"; echo $? >"$work/code"; } 2>&1 | tee "$work/output"
code=$(cat "$work/code" 2>/dev/null || echo 1)
duration=$(format_duration "$(awk -v a="$t0" -v b="$(uptime_now)" 'BEGIN {print b - a}')")
if [ "$code" -eq 0 ]; then
    echo "[$(stamp)] snitch: finished: exit 0 after $duration"
else
    echo "[$(stamp)] snitch: failed: exit $code after $duration"
fi

if [ -n "$email$webhook" ]; then
    if [ ! -d "$outbox" ]; then
        echo "snitch: the notification could not be sent: $outbox is missing (run this in a container started by sky container or sky run)" >&2
    else
        message="$outbox/$(date +%s)-$$.msg"
        {
            echo "email: $email"
            echo "webhook: $webhook"
            echo "exit: $code"
            echo "seconds: $(awk -v a="$t0" -v b="$(uptime_now)" 'BEGIN {print b - a}')"
            echo "started: $started"
            echo "host: $(hostname)"
            echo "command: $(printf '%s' "$cmd" | tr '\n' ' ')"
            echo
            tail -n 20 "$work/output"
        } >"$message.tmp" && mv "$message.tmp" "$message"
        # The daemon answers within a second when it runs; a notice it has not taken yet stays for it.
        i=0
        while [ ! -f "$message.result" ] && [ $i -lt 50 ]; do
            sleep 0.2
            i=$((i + 1))
        done
        if [ ! -f "$message.result" ]; then
            echo "snitch: the daemon has not taken the notification yet; it sends it once it does" >&2
        elif grep -q '^sent: ' "$message.result"; then
            echo "[$(stamp)] snitch: notification sent to the daemon: $(sed 's/^sent: //' "$message.result")"
            rm -f "$message.result"
        else
            echo "snitch: the notification could not be sent: $(sed 's/^refused: //' "$message.result")" >&2
            rm -f "$message.result"
        fi
    fi
fi
rm -rf "$work"
exit "$code"
