#!/usr/bin/env bash
# Runs the Matcher gRPC server on 127.0.0.1:50051 with embedded defaults (no Redis), fetching the face models first.
# Extra arguments are passed to the server, e.g. --Matcher:Port 6000.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-prerequisites.sh
./scripts/fetch-models.sh
# dotnet run starts in the project folder: keep the data beside the checkout root, as the README says.
exec dotnet run -c Release --project src/Matcher.Server -- --Matcher:DataDirectory "$PWD/data" "$@"
