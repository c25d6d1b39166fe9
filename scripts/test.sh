#!/usr/bin/env bash
# Runs every test of the solution on a fresh Debian machine with the .NET 10 SDK:
# installs what the tests need, fetches the face models, builds, tests, and prints one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-prerequisites.sh
./scripts/fetch-models.sh

dotnet restore Matcher.sln
dotnet build Matcher.sln --no-restore -c Release

log=$(mktemp)
status=0
dotnet test Matcher.sln --no-build -c Release 2>&1 | tee "$log" || status=$?

# The SIMD kernels again with the wide vector paths switched off, so the 256-bit, 128-bit and scalar fallbacks run too.
for switch in DOTNET_EnableAVX512=0 DOTNET_EnableAVX2=0 DOTNET_EnableHWIntrinsic=0; do
  echo "== kernel tests with $switch"
  env "$switch" dotnet test tests/Matcher.Simd.Tests --no-build -c Release 2>&1 | tee -a "$log" || status=$?
  env "$switch" dotnet test tests/Matcher.Fingerprint.Tests --no-build -c Release --filter "FullyQualifiedName~OrientedRowFilter|FullyQualifiedName~MatchingKernel|FullyQualifiedName~NearestNeighbors" 2>&1 | tee -a "$log" || status=$?
done

# A short coverage-guided fuzz run of every reader of untrusted or stored bytes, from fresh seeds each time; the
# documented long run is scripts/fuzz.sh --seconds 3600.
echo "== fuzzing every target for 8 s (scripts/fuzz.sh)"
./scripts/fuzz.sh --seconds 8 || status=$?

# One closing line in the plain form CI reads: "N passed, N failed, N skipped".
awk '
  /(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:") failed += $(i+1)
      if ($i == "Passed:") passed += $(i+1)
      if ($i == "Skipped:") skipped += $(i+1)
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit "$status"
