#!/usr/bin/env bash
# camkit on a GPU machine that has no package registry (and maybe no node): real-GPU WebGPU
# correctness and the latency table against PyTorch CUDA.
#
#   scripts/gpu-machine.sh pack    here, after `pnpm install && pnpm -r build`: writes .device/
#                                  (git-ignored): the two bench scripts bundled, Dawn's addon,
#                                  this node, and the arch-reference fixture's first 3 images
#   scripts/gpu-machine.sh run     there, from the repository root, with .device (and .gl, the
#                                  Vulkan/EGL loaders) carried: writes $OUT/latency-gpu.md|.log and
#                                  $OUT/explain-device.log
#
# What runs there: packages/kernels/test/device/explain-device.ts (every method on every family,
# training steps, the arch-reference MobileNetV2 against pytorch-grad-cam, webgpu against cpu) and
# packages/node-runner/bench/latency.mjs with LATENCY_BACKENDS=webgpu LATENCY_TORCH_DEVICE=cuda.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dev="$root/.device"

pack() {
  rm -rf "$dev" && mkdir -p "$dev/payload/node_modules/webgpu/dist/linux-x64"
  local p="$dev/payload"
  (cd "$root/packages/kernels" &&
    node bench/bundle-device.mjs "$p/explain-device.mjs" test/device/explain-device.ts &&
    node bench/bundle-device.mjs "$p/latency.mjs" ../node-runner/bench/latency.mjs)
  cp "$root/packages/node-runner/bench/latency_torch.py" "$p/"
  local w
  w=$(cd "$root/packages/kernels" && node -e "console.log(require('path').dirname(require.resolve('webgpu/package.json')))")
  cp "$w/index.js" "$w/package.json" "$w/LICENSE.md" "$p/node_modules/webgpu/"
  cp "$w/dist/linux-x64/dawn.node" "$p/node_modules/webgpu/dist/linux-x64/"
  local a="$root/../shared/fixtures/arch-reference" f="$p/fixtures/arch-reference"
  mkdir -p "$f/refs/mobilenet_v2"
  cp -r "$a/index.json" "$a/README.md" "$a/models" "$a/inputs" "$a/logits" "$f/"
  for i in img00_disk img01_square img02_triangle; do cp -r "$a/refs/mobilenet_v2/$i" "$f/refs/mobilenet_v2/"; done
  tar -C "$p" -cJf "$dev/payload.tar.xz" . && rm -rf "$p"
  xz -T2 -6 -c "$(command -v node)" >"$dev/node.xz"
  du -sh "$dev"/*
}

run() {
  : "${OUT:?OUT must name the folder for the results}"
  for f in "$root"/.gl/*.deb; do dpkg -x "$f" /; done
  ldconfig
  local w=/tmp/camkit-device node=node
  mkdir -p "$w" && tar -C "$w" -xJf "$dev/payload.tar.xz"
  if ! node -v 2>/dev/null | grep -q '^v2[0-9]'; then
    xz -dc "$dev/node.xz" >"$w/node" && chmod +x "$w/node" && node="$w/node"
  fi
  "$node" -v
  nvidia-smi -L || true
  local icd="${CAMKIT_VK_ICD:-}"
  [[ -n "$icd" ]] || icd=$(ls /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json \
    /etc/vulkan/icd.d/nvidia_icd.json 2>/dev/null | head -1 || true)
  echo "Vulkan ICD: ${icd:-none found}"
  export VK_ICD_FILENAMES="$icd" VK_DRIVER_FILES="$icd"
  export XDG_RUNTIME_DIR
  XDG_RUNTIME_DIR=$(mktemp -d)
  export CAMKIT_SHARED_FIXTURES="$w/fixtures"
  cd "$w"
  local rc=0
  LATENCY_BACKENDS=webgpu LATENCY_TORCH_DEVICE="${LATENCY_TORCH_DEVICE:-cuda}" LATENCY_PYTHON="${LATENCY_PYTHON:-python3}" LATENCY_OUT="$OUT/latency-gpu.md" \
    timeout "${LATENCY_TIMEOUT:-270}" "$node" latency.mjs >/dev/null 2>"$OUT/latency-gpu.log" || rc=$?
  echo "latency: exit $rc"
  tail -n 3 "$OUT/latency-gpu.log"
  rc=0
  timeout "${EXPLAIN_TIMEOUT:-200}" "$node" explain-device.mjs --icd "$icd" --parts arch,families,train \
    >"$OUT/explain-device.log" 2>&1 || rc=$?
  echo "explain-device: exit $rc"
  grep -E '^(FAIL|ALL PASS|[0-9]+ FAILED|adapter)' "$OUT/explain-device.log" || true
}

case "${1:-}" in
  pack) pack ;;
  run) run ;;
  *) echo "usage: scripts/gpu-machine.sh pack|run" >&2 && exit 2 ;;
esac
