"""PyTorch CPU reference for bench/run.mjs: the demo's two models, trained and explained
(Grad-CAM, CAM) at the same sizes and batch as camkit. Prints one JSON object.

usage: python3 torch_bench.py SIZE BATCH TRAIN_STEPS EXPLAIN_BATCHES
(plus Grad-CAM of the 16/32/64/64 net at 128x128, batch 16: the issue's reference point)
"""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(2)
torch.manual_seed(0)


def cam_net(filters, classes=4):
    layers, cin = [], 3
    for f in filters:
        layers += [nn.Conv2d(cin, f, 3, padding=1), nn.ReLU()]
        cin = f
    return nn.Sequential(*layers), nn.Linear(cin, classes)


def vgg_like(blocks, classes=4):
    layers, cin = [], 3
    for f in blocks:
        layers += [nn.Conv2d(cin, f, 3, padding=1), nn.ReLU(), nn.Conv2d(f, f, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
        cin = f
    # Grad-CAM targets the last conv's ReLU output, i.e. before the last pool.
    return nn.Sequential(*layers[:-1]), nn.Sequential(nn.MaxPool2d(2)), nn.Linear(cin, classes)


class Net(nn.Module):
    def __init__(self, kind, filters):
        super().__init__()
        if kind == "camnet":
            self.features, self.head = cam_net(filters)
            self.pool = nn.Identity()
        else:
            self.features, self.pool, self.head = vgg_like(filters)

    def forward(self, x, keep=None):
        a = self.features(x)
        if keep is not None:
            keep.append(a)
        return self.head(self.pool(a).mean(dim=(2, 3)))


def gradcam(net, xb):
    """pytorch-grad-cam's maths by hooks: weights = spatial mean of the gradient, ReLU of the
    weighted sum, upsampled to the input (a no-op for camNet), min-max normalised per image."""
    keep = []
    logits = net(xb, keep)
    a = keep[0]
    a.retain_grad()
    target = logits.argmax(1)
    net.zero_grad()
    logits.gather(1, target[:, None]).sum().backward()
    w = a.grad.mean(dim=(2, 3), keepdim=True)
    cam = F.relu((w * a).sum(1, keepdim=True))
    cam = F.interpolate(cam, size=xb.shape[2:], mode="bilinear", align_corners=False)
    mn = cam.amin(dim=(2, 3), keepdim=True); mx = cam.amax(dim=(2, 3), keepdim=True)
    return ((cam - mn) / (mx - mn + 1e-7)).detach()


def train_rate(net, opt, x, y, steps, warm=3):
    """Images/s of `steps` cross-entropy + Adam steps on the batch (x, y), after `warm` untimed ones."""
    for _ in range(warm):
        opt.zero_grad(); F.cross_entropy(net(x), y).backward(); opt.step()
    t = time.perf_counter()
    for _ in range(steps):
        opt.zero_grad()
        F.cross_entropy(net(x), y).backward()
        opt.step()
    return steps * len(x) / (time.perf_counter() - t)


def bench(kind, filters, size, batch, steps, explain_batches):
    net = Net(kind, filters)
    opt = torch.optim.Adam(net.parameters(), lr=3e-3)
    x = torch.rand(batch, 3, size, size)
    y = torch.randint(0, 4, (batch,))
    train = train_rate(net, opt, x, y, steps) if steps > 0 else None

    gradcam(net, x)
    t = time.perf_counter()
    for _ in range(explain_batches):
        gradcam(net, x)
    explain = explain_batches * batch / (time.perf_counter() - t)
    return {"trainImgPerSec": train, "gradcamImgPerSec": explain}


def main():
    size, batch, steps, eb = map(int, sys.argv[1:5])
    out = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "camnet": bench("camnet", [16, 32, 32], size, batch, steps, eb),
        "vgglike": bench("vgglike", [16, 32, 64], size, batch, steps, eb),
        # The reference point: Grad-CAM of the 16/32/64/64 no-pool net, 128x128, batch 16.
        "issue": bench("camnet", [16, 32, 64, 64], 128, 16, 0, max(3, eb // 4)),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
