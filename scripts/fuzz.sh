#!/usr/bin/env bash
# Coverage-guided fuzzing of Matcher's readers of untrusted and stored bytes: SharpFuzz instruments the Matcher
# assemblies and AFL++ (afl-fuzz) drives the harness in tests/Matcher.Fuzzing.
#   scripts/fuzz.sh [--seconds N] [--output DIR] [TARGET ...]
# Every target (image, template, subject-record, log-segment, snapshot, onnx-model, face-manifest) for N seconds each
# (default 60), starting from seeds the harness makes. Exits 1 when any target produced a crash or a hang; each is
# replayed so its exception and stack trace are printed. Findings stay in DIR (default a new temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
output=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

if ! command -v afl-fuzz >/dev/null 2>&1; then
  echo "fuzz.sh: afl-fuzz is missing; install Debian's afl++ package (scripts/install-prerequisites.sh does)." >&2
  exit 1
fi
output="${output:-$(mktemp -d /tmp/matcher-fuzz.XXXXXX)}"
mkdir -p "$output"
plain="$output/plain"
harness="$output/harness"

dotnet tool restore >/dev/null
dotnet publish tests/Matcher.Fuzzing -c Release -o "$plain" --nologo -v quiet >/dev/null
# Instrumented code needs AFL's shared memory, so seeds are made and findings replayed by the plain copy. The
# harness program itself stays uninstrumented: coverage is what the readers under test do with an input.
rm -rf "$harness"
cp -r "$plain" "$harness"
for assembly in "$harness"/Matcher.*.dll; do
  dotnet tool run sharpfuzz "$assembly" >/dev/null
done

if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(dotnet "$plain/matcher-fuzz.dll" list | awk '{ print $1 }')
fi

# The harness is a .NET program that speaks AFL's fork-server protocol itself, so AFL's checks for a compiled-in
# instrumentation, core dumps and CPU frequency do not apply; the memory limit would stop the runtime from starting.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
failed=0
for target in "${targets[@]}"; do
  seeds="$output/seeds/$target"
  findings="$output/findings/$target"
  rm -rf "$seeds" "$findings"
  mkdir -p "$output/findings"
  dotnet "$plain/matcher-fuzz.dll" seed "$target" "$seeds"
  afl-fuzz -i "$seeds" -o "$findings" -t 10000 -m none -V "$seconds" -- "$(command -v dotnet)" "$harness/matcher-fuzz.dll" run "$target" \
    > "$output/$target.afl.log" 2>&1 || { echo "fuzz $target: afl-fuzz failed, see $output/$target.afl.log"; tail -20 "$output/$target.afl.log"; failed=1; continue; }
  stats="$findings/default/fuzzer_stats"
  stat() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
  crashes=$(find "$findings/default/crashes" -name 'id:*' | wc -l)
  hangs=$(find "$findings/default/hangs" -name 'id:*' | wc -l)
  echo "fuzz $target: $(stat execs_done) executions in $(stat run_time) s, $(stat corpus_count) inputs in the corpus, $(stat edges_found) edges, $crashes crashes, $hangs hangs"
  if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
    failed=1
    dotnet "$plain/matcher-fuzz.dll" replay "$target" "$findings/default/crashes" "$findings/default/hangs" || true
  fi
done
echo "fuzz findings and corpora: $output"
exit "$failed"
