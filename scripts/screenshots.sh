#!/usr/bin/env bash
# Remakes the README's pictures from the simulators, so they follow the code:
#   docs/report.png    the HTML report of the demo's Atlassian apply run
#   docs/terminal.png  a scan of a simulated Atlassian organization, as a terminal shows it
# Needs the .NET SDK, chromium and tmux (Debian: apt-get install -y chromium tmux).
# Talks to nothing but 127.0.0.1; everything it writes besides the two PNGs is in a temporary folder.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/dormant-screenshots.XXXXXX")
socket="dormant-screenshots-$$"
sim_pid=""
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for tool in dotnet chromium tmux; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install -y chromium tmux)" >&2; exit 2; }
done

# A step that is given no --store opens the default one in the user's data folder: point that
# folder into $work so nothing of the user's is read or written.
export XDG_DATA_HOME="$work/data"
export DORMANT_STORE="$work/terminal.db"

dotnet build "$root/src/Dormant.Cli" -c Release -o "$work/bin" -v quiet -nologo >/dev/null
mkdir -p "$work/path"
printf '#!/bin/sh\nexec dotnet %q "$@"\n' "$work/bin/dormant.dll" > "$work/path/dormant"
chmod +x "$work/path/dormant"
export PATH="$work/path:$PATH"

shoot() { # shoot FILE.html OUT.png WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-sync \
    --disable-component-update --user-data-dir="$work/profile" --hide-scrollbars \
    --window-size="$3,$4" --screenshot="$2" "file://$1" >/dev/null 2>&1
}

# The report: the demo walks scan → plan → apply → restore and writes the apply run's report.
dormant demo --dir "$work/demo" >"$work/demo.log" 2>&1 || { cat "$work/demo.log" >&2; exit 1; }
shoot "$work/demo/atlassian-report.html" "$root/docs/report.png" 1100 1900

# The terminal: a simulator in the background, and a scan typed into a shell in a detached tmux.
dormant simulate --platform atlassian --users 60 --seed 7 >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 120); do grep -q 'dormant scan' "$work/sim.log" 2>/dev/null && break; sleep 0.5; done
grep -q 'dormant scan' "$work/sim.log" || { cat "$work/sim.log" >&2; exit 1; }
sim_env=()
while read -r _ assignment; do sim_env+=(-e "$assignment"); done < <(grep '^  export ' "$work/sim.log")

tmux -L "$socket" new-session -d -s shot -x 120 -y 40 "${sim_env[@]}" -e "PATH=$PATH" -e "DORMANT_STORE=$DORMANT_STORE" \
  -e "XDG_DATA_HOME=$XDG_DATA_HOME" "bash --norc --noprofile"
tmux -L "$socket" send-keys -t shot "PS1='\$ '; clear" Enter
sleep 0.5
tmux -L "$socket" send-keys -t shot "dormant scan --connector atlassian" Enter
# Done when the prompt is back under the output.
for _ in $(seq 1 240); do
  [ "$(tmux -L "$socket" capture-pane -p -t shot | grep -c '^\$')" -ge 2 ] && break
  sleep 0.5
done
[ "$(tmux -L "$socket" capture-pane -p -t shot | grep -c '^\$')" -ge 2 ] || { echo "screenshots: the scan did not finish in 2 minutes" >&2; exit 1; }
tmux -L "$socket" capture-pane -p -t shot | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' > "$work/terminal.txt"

lines=$(wc -l < "$work/terminal.txt")
{
  printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
  printf 'html,body{margin:0;background:#1e2127}pre{margin:0;padding:14px 18px;color:#d7dae0;'
  printf 'font:14px/20px "DejaVu Sans Mono",ui-monospace,monospace;white-space:pre}</style></head><body><pre>'
  sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' "$work/terminal.txt"
  printf '</pre></body></html>\n'
} > "$work/terminal.html"
shoot "$work/terminal.html" "$root/docs/terminal.png" 1040 $((lines * 20 + 28))

for png in "$root/docs/report.png" "$root/docs/terminal.png"; do
  size=$(stat -c %s "$png")
  [ "$size" -lt 300000 ] || { echo "screenshots: $png is $size bytes, over the README's 300 KB" >&2; exit 1; }
  echo "wrote $png ($size bytes)"
done
