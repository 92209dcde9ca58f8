#!/usr/bin/env bash
# Smoke-tests the NativeAOT binary as it would run on a server: only `mymss` and `appsettings.json` in a folder, no .NET
# runtime used. Without an argument it publishes one first (dotnet publish, the system's C toolchain); with one it tests
# that executable (CI passes the one packaging/build made for the packages).
#   tools/aot-smoke.sh [EXECUTABLE]
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "aot-smoke: FAIL: $*" >&2; exit 1; }

executable=${1:-}
if [[ -z $executable ]]; then
    dotnet publish src/MyMss.Tui -c Release -o artifacts/aot | tee artifacts-aot-publish.log
    if grep -E "warning IL[0-9]{4}" artifacts-aot-publish.log; then fail "trim/AOT warnings"; fi   # warnings are errors anyway
    rm -f artifacts-aot-publish.log
    executable=artifacts/aot/mymss
fi

work=$(mktemp -d); sock="aot-smoke-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$executable" "$work/mymss"
cp appsettings.json "$work/"
m="$work/mymss"; db="$work/smoke.db"

file "$m" | grep -q ELF || fail "not a native executable"
[[ "$(timeout 10 "$m" --version | head -n 1)" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version"
timeout 10 "$m" --version | grep -Eq "(nativo|native) \(NativeAOT\)" || fail "--version: not native"
# System.CommandLine's own words come from our texts (an UnsafeAccessor NativeAOT must keep working).
timeout 10 "$m" --lang pt --help | grep -q "^Utilização:" || fail "Portuguese help headings"
usage=$(timeout 10 "$m" --lang pt profiles frobnicate 2>&1 || true)
grep -q "Comando ou argumento desconhecido" <<<"$usage" || fail "Portuguese parse errors"
timeout 10 "$m" man | grep -q '^\.TH MYMSS 1' || fail "man page"
[[ "$(timeout 10 "$m" complete -- "mymss pro")" == profiles ]] || fail "completion"
[[ "$(timeout 10 "$m" --db "$db" profiles list --json)" == "[]" ]] || fail "empty list"
printf 'pw\n' | timeout 10 "$m" --db "$db" profiles add --code 1 --description D --host h.pt --port 9001 --password-stdin >/dev/null || fail "profiles add"
timeout 10 "$m" --db "$db" profiles list --json | grep -q '"code": 1' || fail "list after add"
timeout 10 "$m" --lang en --help | grep -q "Configures synchronisation" || fail "English satellite resources"
timeout 10 "$m" --db "$db" export "$work/x.json" >/dev/null || fail "export"
timeout 10 "$m" --db "$work/copy.db" import "$work/x.json" >/dev/null || fail "import"
timeout 10 "$m" --db "$work/copy.db" profiles list --json | grep -q '"host": "h.pt"' || fail "imported profile"
timeout 10 "$m" --db "$db" audit --json | grep -q '"action"' || fail "audit"

screen() { tmux -L "$sock" capture-pane -p -t s; }
wait_for() { for _ in $(seq 100); do screen | grep -q "$1" && return 0; sleep 0.05; done; screen >&2; fail "screen never showed: $1"; }
start=$(date +%s%N)
tmux -L "$sock" new-session -d -s s -x 80 -y 24 "$m --lang en --db $db"
wait_for "Ctrl+Q  Quit"
echo "aot-smoke: first frame after ~$(( ($(date +%s%N) - start) / 1000000 )) ms (tmux polling, indicative only)"
tmux -L "$sock" send-keys -t s F2;     wait_for "New sync profile"
tmux -L "$sock" send-keys -t s Escape; for _ in $(seq 100); do screen | grep -q "New sync profile" || break; sleep 0.05; done
screen | grep -q "New sync profile" && fail "Esc did not close the editor"
tmux -L "$sock" send-keys -t s C-q
for _ in $(seq 100); do tmux -L "$sock" has-session -t s 2>/dev/null || break; sleep 0.05; done
tmux -L "$sock" has-session -t s 2>/dev/null && fail "Ctrl+Q did not quit"
echo "aot-smoke: $(stat -c %s "$m") bytes; all checks passed"
