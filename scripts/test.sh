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
