"""PyTorch side of bench/scales.mjs: the default no-pool camNet (16/32/64/64 3x3 convs + ReLU, GAP,
Linear; 4 classes) trained with Adam at batch 32, and Grad-CAM (hooks, pytorch-grad-cam's maths:
weights = spatial mean of the gradient, ReLU of the weighted sum, min-max normalised) at batch 1
and 32, at one input size. 2 threads. Prints one JSON object.

usage: python3 torch_scales.py SIZE TRAIN_STEPS GRADCAM_BATCHES
"""
import json
import sys
import time

import torch

from torch_bench import Net, gradcam, train_rate

torch.set_num_threads(2)
torch.manual_seed(0)


def main():
    size, steps, gb = map(int, sys.argv[1:4])
    net = Net("camnet", [16, 32, 64, 64])
    opt = torch.optim.Adam(net.parameters(), lr=3e-3)
    x = torch.rand(32, 3, size, size)
    y = torch.randint(0, 4, (32,))
    train = train_rate(net, opt, x, y, steps, warm=2)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "size": size, "train": train}
    for b in (1, 32):
        xb = x[:b].clone()
        gradcam(net, xb)
        n = gb * (32 // b if b == 1 else 1)  # batch 1: as many images as one batch-32 round
        n = max(2, n if b == 32 else min(n, 64))
        t = time.perf_counter()
        for _ in range(n):
            gradcam(net, xb)
        out[f"gradcam{b}"] = n * b / (time.perf_counter() - t)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
