# Helpers shared by bench/run: drive one program in a private tmux server at 80x24 under
# `script -f -T` (the pty output goes to out.log, flushed on every write, with a timing file) and
# `/usr/bin/time -v` (peak RSS). Sourced, not executed. Needs: WORK, SOCK, SETTLE set by the caller.

# tmux on our own socket, with no status line so the pane really is 80x24.
tmx() { tmux -L "$SOCK" -f "$WORK/tmux.conf" "$@"; }

now() { date +%s.%N; }
size_of() { stat -c %s "$1" 2>/dev/null || echo 0; }

# kill_tree PID: the process and all its descendants (script survives tmux's hang-up, and the
# program may too), TERM first, KILL after 2 s. Only PIDs this bench started are ever passed.
kill_tree() {
    local pids=() queue=("$1") p
    while (( ${#queue[@]} )); do
        p=${queue[0]}; queue=("${queue[@]:1}")
        [[ -n $p ]] || continue
        pids+=("$p")
        mapfile -t -O "${#queue[@]}" queue < <(pgrep -P "$p" || true)
    done
    kill -TERM "${pids[@]}" 2>/dev/null || true
    sleep 2
    kill -KILL "${pids[@]}" 2>/dev/null || true
}

# end_session NAME: make sure nothing of that session is left running.
end_session() {
    local dir="$WORK/$1"
    tmx kill-session -t "$1" 2>/dev/null || true
    if [[ -s $dir/pid ]] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then kill_tree "$(cat "$dir/pid")"; fi
}

# Results: one "session<TAB>key<TAB>value" line each, read back by the report.
put() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$WORK/results.tsv"; }
get() { awk -F'\t' -v s="$1" -v k="$2" '$1 == s && $2 == k { v = $3 } END { print v }' "$WORK/results.tsv"; }

# start_session NAME MARKER COMMAND... : start COMMAND in a fresh 80x24 pane (TERM=xterm-256color, no COLORTERM, unless
# SESSION_TERM / SESSION_COLORTERM say otherwise) and wait (up to
# START_TIMEOUT s) until MARKER appears in the output, then until the output settles.
start_session() {
    local name=$1 marker=$2; shift 2
    local dir="$WORK/$name"
    mkdir -p "$dir"
    local cmd inner
    printf -v cmd '%q ' "$@"
    printf -v inner '/usr/bin/time -v -o %q %s' "$dir/time.txt" "$cmd"
    # script: -f flush every write (sizes can be read live), -q quiet, -T timing ("delay bytes" lines).
    tmx new-session -d -s "$name" -x 80 -y 24 -c "$dir" \
        "exec env -u COLORTERM TERM=${SESSION_TERM:-xterm-256color} ${SESSION_COLORTERM:+COLORTERM=$SESSION_COLORTERM} XDG_CACHE_HOME=$(printf %q "$WORK/cache") script -f -q -T $(printf %q "$dir/timing.log") -c $(printf %q "$inner") $(printf %q "$dir/out.log")"
    tmx display-message -p -t "$name" '#{pane_pid}' >"$dir/pid"   # = script's PID (exec)
    local deadline=$(( SECONDS + ${START_TIMEOUT:-60} ))
    until [[ -f $dir/out.log ]] && grep -aqF -- "$marker" "$dir/out.log"; do
        if (( SECONDS > deadline )) || ! tmx has-session -t "$name" 2>/dev/null; then
            echo "bench: $name did not show '$marker' within ${START_TIMEOUT:-60} s; stopped" >&2
            put "$name" failed "no first frame within ${START_TIMEOUT:-60} s"
            # the program's RSS at that moment (largest process of the session)
            put "$name" rss_kb_at_timeout "$(ps -o rss= --ppid "$(pgrep -P "$(cat "$dir/pid")" | head -n 1)" 2>/dev/null | sort -n | tail -n 1 | tr -d ' ')"
            end_session "$name"
            return 1
        fi
        sleep 0.05
    done
    settle "$dir/out.log"
}

# settle OUT: wait SETTLE s, then longer (at most 10 s) while OUT still grows by more than
# 200 B per 0.3 s (a redraw still going; the idle trickle is ~90 B per 0.3 s).
settle() {
    local a b i
    sleep "$SETTLE"
    for i in $(seq 33); do
        a=$(size_of "$1"); sleep 0.3; b=$(size_of "$1")
        (( b - a > 200 )) || break
    done
}

# key SESSION LABEL KEY... : send tmux keys, wait until settled, record the output bytes and the
# elapsed seconds (the idle noise of that window is subtracted later, in the report).
key() {
    local name=$1 label=$2; shift 2
    local out="$WORK/$name/out.log" s0 t0 s1 t1
    s0=$(size_of "$out"); t0=$(now)
    tmx send-keys -t "$name" "$@"
    settle "$out"
    s1=$(size_of "$out"); t1=$(now)
    put "$name" "raw:$label" $(( s1 - s0 ))
    # the same bytes split: escape sequences (CSI, OSC, ESC+one) and the rest (the glyphs)
    local esc
    esc=$(tail -c "+$(( s0 + 1 ))" "$out" | head -c $(( s1 - s0 )) \
        | LC_ALL=C grep -aoE $'\e(\\[[0-9;?<=>]*[ -/]*[@-~]|][^\a\e]*(\a|\e\\\\)|[^[])' | LC_ALL=C awk '{ n += length($0) } END { print n + 0 }')
    put "$name" "escapes:$label" "$esc"
    put "$name" "glyphs:$label" $(( s1 - s0 - esc ))
    put "$name" "dt:$label" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
}

# idle SESSION SECONDS : bytes sent while nothing happens.
# program_pid NAME: the measured program (script -> /usr/bin/time -> program).
program_pid() {
    local p
    p=$(pgrep -P "$(cat "$WORK/$1/pid")" | head -n 1) && p=$(pgrep -P "$p" | head -n 1) && echo "$p"
}
# cpu_ticks PID: user + system CPU time so far, in clock ticks (1/100 s).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# memory_split NAME: the program's resident memory once its first screen has settled, split into what is mapped
# from files (the executable's code and read-only data, shared libraries) and the rest (heaps, stacks); the
# executable's own parts; and what is private to this process against what it shares with others (another mymss
# running the same executable shares its file pages: a second technician costs only the private part).
memory_split() {
    local pid exe
    pid=$(program_pid "$1") || return 0
    put "$1" rss_file_kb "$(awk '/^RssFile:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)"
    put "$1" rss_anon_kb "$(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)"
    put "$1" private_kb "$(awk '/^Private_(Clean|Dirty):/ { n += $2 } END { print n + 0 }' "/proc/$pid/smaps_rollup" 2>/dev/null)"
    put "$1" shared_kb "$(awk '/^Shared_(Clean|Dirty):/ { n += $2 } END { print n + 0 }' "/proc/$pid/smaps_rollup" 2>/dev/null)"
    exe=$(readlink "/proc/$pid/exe")
    # resident kB of the executable's mappings by permission: r-xp code, r--p read-only data, rw-p data
    awk -v exe="$exe" -v name="$1" '
        /^[0-9a-f]+-[0-9a-f]+ / { mine = ($6 == exe); perm = $2; next }
        /^Rss:/ && mine { kb[perm] += $2 }
        END { printf "%s\texe_code_kb\t%d\n%s\texe_rodata_kb\t%d\n", name, kb["r-xp"], name, kb["r--p"] }
    ' "/proc/$pid/smaps" >>"$WORK/results.tsv" 2>/dev/null || true
}

# The CPU of the first IDLE_AFTER seconds (the tail of the start: a JIT compiles its hot start-up methods again in the
# background) is reported apart from the SECONDS that follow, which are the idle CPU; bytes count over both.
idle() {
    local name=$1 secs=$2 out="$WORK/$1/out.log" s0 s1 pid t0 ta t1
    pid=$(program_pid "$name")
    s0=$(size_of "$out"); t0=$(cpu_ticks "$pid"); sleep "${IDLE_AFTER:-0}"; ta=$(cpu_ticks "$pid")
    sleep "$secs"; s1=$(size_of "$out"); t1=$(cpu_ticks "$pid")
    put "$name" idle_bytes $(( s1 - s0 ))
    put "$name" idle_seconds "$(( secs + ${IDLE_AFTER:-0} ))"
    # CPU in per mille of one core (ticks are 1/100 s): the start's tail, then idle
    put "$name" start_tail_cpu_ms $(( (ta - t0) * 10 ))
    put "$name" idle_cpu_permille "$(awk -v t=$(( t1 - ta )) -v s="$secs" 'BEGIN { printf "%.1f", t * 10 / s }')"
}

# stop_session NAME KEY... : send the quit key(s), wait for the pane to end (kill it after
# STOP_TIMEOUT s), then read peak RSS, start-up time and first-screen bytes.
stop_session() {
    local name=$1; shift
    local dir="$WORK/$name" marker
    marker=$(cat "$dir/marker")
    tmx send-keys -t "$name" "$@" 2>/dev/null || true
    local deadline=$(( SECONDS + ${STOP_TIMEOUT:-15} ))
    while tmx has-session -t "$name" 2>/dev/null; do
        if (( SECONDS > deadline )); then
            echo "bench: $name did not quit on '$*'; killed" >&2
            put "$name" killed 1
            end_session "$name"
            break
        fi
        sleep 0.1
    done
    # /usr/bin/time writes its report when the program ends.
    local i
    for i in $(seq 50); do [[ -s $dir/time.txt ]] && break; sleep 0.1; done
    put "$name" rss_kb "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$dir/time.txt" 2>/dev/null)"
    analyse_start "$name" "$marker"
}

# From the timing file: seconds from process start until MARKER is on the wire (the first full
# frame), and every byte sent until SETTLE s after that (the first screen, idle noise included).
analyse_start() {
    local name=$1 marker=$2 dir="$WORK/$1" header off
    header=$(head -n 1 "$dir/out.log" | wc -c)   # "Script started on ..." line, not program output
    off=$(grep -aboF -m 1 -- "$marker" "$dir/out.log" | head -n 1 | cut -d: -f1)
    [[ -n $off ]] || { echo "bench: marker not found in $dir/out.log" >&2; return 1; }
    local target=$(( off + ${#marker} - header ))
    awk -v target="$target" -v settle="$SETTLE" -v name="$name" '
        { t += $1; b += $2; T[NR] = t; B[NR] = b }
        END {
            for (i = 1; i <= NR && B[i] < target; i++) ;
            tf = T[i]; first = 0
            for (j = 1; j <= NR && T[j] <= tf + settle; j++) first = B[j]
            printf "%s\tfirst_frame_s\t%.3f\n%s\tfirst_raw\t%d\n%s\tdt:first\t%.3f\n", name, tf, name, first, name, settle
        }' "$dir/timing.log" >>"$WORK/results.tsv"
}

# run_session NAME MARKER QUITKEY IDLE_SECONDS STEPS COMMAND... : one whole measured session.
# STEPS is a list of "label=key[,key...]" words (tmux key names) ('-' as label: send without recording).
run_session() {
    local name=$1 marker=$2 quit=$3 idle_s=$4 steps=$5; shift 5
    mkdir -p "$WORK/$name"; printf '%s' "$marker" >"$WORK/$name/marker"
    start_session "$name" "$marker" "$@" || return 0
    memory_split "$name"
    if (( idle_s > 0 )); then idle "$name" "$idle_s"; fi
    local step label keys
    for step in $steps; do
        label=${step%%=*}; keys=${step#*=}
        if [[ $label == - ]]; then
            # shellcheck disable=SC2086
            tmx send-keys -t "$name" ${keys//,/ }; settle "$WORK/$name/out.log"
        else
            # shellcheck disable=SC2086
            key "$name" "$label" ${keys//,/ }
        fi
    done
    # shellcheck disable=SC2086
    stop_session "$name" $quit
}
