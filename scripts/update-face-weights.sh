#!/usr/bin/env bash
# Re-creates the vendored face-api weights and MIT demo photos from the npm registry and verifies
# them: the package tarball against its pinned sha256, every vendored file against the SHA256SUMS
# next to it (models/ and demo/).
#
# Usage: scripts/update-face-weights.sh [--write-sums]
#   --write-sums  regenerate SHA256SUMS from the extracted files (only when bumping the version).
set -euo pipefail

PACKAGE="@vladmandic/face-api"
VERSION="1.7.15"
TARBALL_SHA256="0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031"
MODELS=(
  tiny_face_detector_model
  face_landmark_68_model
  face_landmark_68_tiny_model
  face_recognition_model
  age_gender_model
  face_expression_model
)
PHOTOS=(sample1.jpg sample2.jpg sample3.jpg sample4.jpg sample5.jpg sample6.jpg)

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models_dir="$repo/pvit-core/src/main/resources/dev/pvit/face/models"
demo_dir="$repo/pvit-core/src/test/resources/dev/pvit/face/demo"
write_sums=false
if [[ "${1:-}" == "--write-sums" ]]; then
  write_sums=true
elif [[ $# -gt 0 ]]; then
  echo "usage: $0 [--write-sums]" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tarball="$(ls "$work"/*.tgz)"
actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
if [[ "$actual" != "$TARBALL_SHA256" ]]; then
  echo "error: $PACKAGE@$VERSION tarball sha256 is $actual, expected $TARBALL_SHA256" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work"

mkdir -p "$models_dir" "$demo_dir"
for model in "${MODELS[@]}"; do
  cp "$work/package/model/$model.bin" "$models_dir/"
  cp "$work/package/model/$model-weights_manifest.json" "$models_dir/"
done
for photo in "${PHOTOS[@]}"; do
  cp "$work/package/demo/$photo" "$demo_dir/"
done

if $write_sums; then
  (cd "$models_dir" && sha256sum -- *.bin *.json > SHA256SUMS)
  (cd "$demo_dir" && sha256sum -- "${PHOTOS[@]}" > SHA256SUMS)
  echo "wrote $models_dir/SHA256SUMS and $demo_dir/SHA256SUMS"
fi
(cd "$models_dir" && sha256sum --check --strict --quiet SHA256SUMS)
(cd "$demo_dir" && sha256sum --check --strict --quiet SHA256SUMS)
echo "ok: $PACKAGE@$VERSION weights in $models_dir and demo photos in $demo_dir verified"
