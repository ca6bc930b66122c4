#!/usr/bin/env bash
# Regenerates tsoa routes and the OpenAPI document and fails when the result differs from what is
# on disk, i.e. someone changed a controller or DTO without running `make openapi`. Covers the
# webhooks merged into the document (api/src/openapi/) and the client package's types.
# Then compares the contract with the last released one (scripts/openapi-breaking.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
generated=(openapi/openapi.json api/src/generated/routes.ts clients/typescript/src/generated/schema.ts)
snapshot=$(mktemp -d)
trap 'rm -rf "$snapshot"' EXIT
for f in "${generated[@]}"; do mkdir -p "$snapshot/$(dirname "$f")"; cp "$f" "$snapshot/$f" 2>/dev/null || true; done
npm run -s openapi -w api >/dev/null
client_out=$(npm run -s openapi -w @omervision/client 2>&1) || { echo "$client_out" >&2; exit 1; }
stale=()
for f in "${generated[@]}"; do cmp -s "$f" "$snapshot/$f" || stale+=("$f"); done
if [ ${#stale[@]} -gt 0 ]; then
  echo "Generated code is stale: ${stale[*]}" >&2
  echo "It has now been regenerated; review and commit it (make openapi)." >&2
  exit 1
fi
echo "generated code is up to date"
# Breaking changes against the last released spec (openapi/released/): docs/api.md#versioning.
npx --no-install tsx scripts/openapi-breaking.ts
