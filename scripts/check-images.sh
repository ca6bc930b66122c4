#!/usr/bin/env bash
# Fails when a third-party image in the compose files is not pinned to an exact version.
#   scripts/check-images.sh [--require-digest] [compose files…]   (default: compose.yaml)
# Accepted: name:<exact version>[-variant][@sha256:<64 hex>] where the version has at least
# major.minor (2.8.4-alpine, 10.11.11, v1.21.8, 3.80). Refused: no tag, `latest`, `stable`,
# major-only (`redis:7`, `node:24-bookworm-slim`). --require-digest also refuses a tag without a
# digest (refresh digests: `docker buildx imagetools inspect <image:tag>`, see compose.yaml).
# Images built from this repository (omervision-api, omervision-site, omervision-local/*) are skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
require_digest=0
files=()
for arg in "$@"; do
  case "$arg" in
    --require-digest) require_digest=1 ;;
    *) files+=("$arg") ;;
  esac
done
[[ ${#files[@]} -gt 0 ]] || files=(compose.yaml)

status=0 checked=0
for file in "${files[@]}"; do
  while IFS= read -r line; do
    lineno=${line%%:*}
    image=$(sed -E 's/^[0-9]+:[[:space:]]*image:[[:space:]]*//; s/[[:space:]]+#.*$//; s/^["'\'']//; s/["'\'']$//' <<<"$line")
    case "$image" in omervision-*|omervision/*) continue ;; esac
    checked=$((checked + 1))
    ref=${image%%@*}
    digest=""; [[ "$image" == *@* ]] && digest=${image#*@}
    name=${ref%:*}; tag=""
    [[ "$ref" == *:* && "${ref##*:}" != */* ]] && tag=${ref##*:}
    problem=""
    if [[ -z "$tag" ]]; then problem="no tag (floats to latest)"
    elif [[ "$tag" =~ ^(latest|stable|edge|main|master)(-|$) ]]; then problem="floating tag $tag"
    elif ! [[ "$tag" =~ ^v?[0-9]+\.[0-9]+ ]]; then problem="tag $tag names no exact version (major-only or a name)"
    fi
    if [[ -n "$digest" && ! "$digest" =~ ^sha256:[0-9a-f]{64}$ ]]; then problem="malformed digest $digest"; fi
    if [[ -z "$problem" && $require_digest == 1 && -z "$digest" ]]; then problem="no digest (--require-digest)"; fi
    if [[ -n "$problem" ]]; then
      echo "check-images: $file:$lineno: $name: $problem" >&2
      status=1
    fi
  done < <(grep -nE '^[[:space:]]*image:' "$file" || true)
done
[[ $status == 0 ]] && echo "check-images: ${checked} third-party images pinned to exact versions in ${files[*]}"
exit $status
