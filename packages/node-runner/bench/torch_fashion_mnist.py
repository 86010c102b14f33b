"""PyTorch baseline for camkit's Fashion-MNIST recipe: the same no-pool camNet and the same recipe
as `camkit train` defaults (BENCHMARKS.md), so the two accuracies can be compared.

Net: 4 x [3x3 conv 'same' (no bias) -> BatchNorm (momentum 0.1 = Keras 0.9) -> ReLU] with
16/32/64/64 filters, global average pooling, Linear. Grayscale is fed as 3 equal channels, as
camkit does. Recipe: AdamW (lr 3e-3, betas 0.9/0.999, eps 1e-7, weight decay 0.01 on conv/linear
kernels only), per-step cosine schedule with 1 epoch of linear warm-up, label smoothing 0.1,
batch 32, random horizontal flip + shift of up to 2 px (edge-padded), stratified 20 % of the
training set held out for validation, the epoch with the best validation accuracy is tested.

usage: /usr/bin/python3 torch_fashion_mnist.py [--epochs 10] [--train-per-class N] [--threads 2]
Reads the IDX files of Debian's dataset-fashion-mnist. Prints one JSON line at the end.
"""
import argparse
import gzip
import json
import math
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SRC = "/usr/share/datasets/fashion-mnist"


def idx(path):
    with gzip.open(path, "rb") as f:
        buf = f.read()
    ndim = buf[3]
    dims = [int.from_bytes(buf[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(buf, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def first_per_class(x, y, n):
    if n is None:
        return x, y
    keep = np.concatenate([np.where(y == c)[0][:n] for c in range(10)])
    keep.sort()
    return x[keep], y[keep]


class CamNet(nn.Module):
    def __init__(self, filters=(16, 32, 64, 64), dilations=(1, 1, 1, 1), classes=10):
        super().__init__()
        layers, cin = [], 3
        for f, d in zip(filters, dilations):
            conv = nn.Conv2d(cin, f, 3, padding=d, dilation=d, bias=False)
            layers += [conv, nn.BatchNorm2d(f, eps=1e-3, momentum=0.1), nn.ReLU()]
            cin = f
        self.features = nn.Sequential(*layers)
        self.head = nn.Linear(cin, classes)

    def forward(self, x):
        return self.head(self.features(x).mean((2, 3)))


def augment(x, gen):
    n, _, h, w = x.shape
    flip = torch.rand(n, generator=gen) < 0.5
    x = torch.where(flip[:, None, None, None], x.flip(3), x)
    padded = F.pad(x, (2, 2, 2, 2), mode="replicate")
    dy = torch.randint(0, 5, (n,), generator=gen)
    dx = torch.randint(0, 5, (n,), generator=gen)
    return torch.stack([padded[i, :, dy[i] : dy[i] + h, dx[i] : dx[i] + w] for i in range(n)])


def accuracy(model, x, y):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), 256):
            correct += (model(x[i : i + 256]).argmax(1) == y[i : i + 256]).sum().item()
    return correct / len(x)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--train-per-class", type=int, default=None)
    ap.add_argument("--test-per-class", type=int, default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dilations", default="1,1,1,1", help="dilation rate of each conv, as camkit's --dilations")
    ap.add_argument("--init", choices=("torch", "camkit"), default="torch",
                    help="torch: PyTorch's default init; camkit: camkit's (Glorot-uniform kernels, zero biases)")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    gen = torch.Generator().manual_seed(a.seed)
    xtr, ytr = first_per_class(idx(f"{SRC}/train-images-idx3-ubyte.gz"), idx(f"{SRC}/train-labels-idx1-ubyte.gz"), a.train_per_class)
    xte, yte = first_per_class(idx(f"{SRC}/t10k-images-idx3-ubyte.gz"), idx(f"{SRC}/t10k-labels-idx1-ubyte.gz"), a.test_per_class)
    to_t = lambda x: torch.from_numpy(x.astype(np.float32) / 255).unsqueeze(1).repeat(1, 3, 1, 1)
    rng = np.random.default_rng(a.seed)
    val_idx = np.concatenate([rng.permutation(np.where(ytr == c)[0])[: round(0.2 * (ytr == c).sum())] for c in range(10)])
    tr_mask = np.ones(len(ytr), bool)
    tr_mask[val_idx] = False
    x_train, y_train = to_t(xtr[tr_mask]), torch.from_numpy(ytr[tr_mask].astype(np.int64))
    x_val, y_val = to_t(xtr[val_idx]), torch.from_numpy(ytr[val_idx].astype(np.int64))
    x_test, y_test = to_t(xte), torch.from_numpy(yte.astype(np.int64))

    model = CamNet(dilations=tuple(int(d) for d in a.dilations.split(",")))
    if a.init == "camkit":
        # camkit's seededInit: U(+-sqrt(6 / (fan_in + out_channels))) for every kernel (fan_in =
        # in_channels * kh * kw; note: not Keras' fan_out = out_channels * kh * kw), zero biases.
        with torch.no_grad():
            for m in model.modules():
                if isinstance(m, (nn.Conv2d, nn.Linear)):
                    fan_in = m.weight[0].numel()
                    limit = math.sqrt(6 / (fan_in + m.weight.shape[0]))
                    m.weight.uniform_(-limit, limit)
                    if m.bias is not None:
                        m.bias.zero_()
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.ndim < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0}], lr=3e-3, eps=1e-7)
    batch = 32
    steps = math.ceil(len(x_train) / batch)
    total, warm = a.epochs * steps, steps

    def lr_at(s):
        if s < warm:
            return 3e-3 * (s + 1) / warm
        return 3e-3 * 0.5 * (1 + math.cos(math.pi * (s - warm) / max(1, total - 1 - warm)))

    best, best_state, t0, step = -1.0, None, time.time(), 0
    history = []
    for epoch in range(a.epochs):
        model.train()
        order = torch.randperm(len(x_train), generator=gen)
        loss_sum = 0.0
        for s in range(steps):
            idx_b = order[s * batch : (s + 1) * batch]
            xb, yb = augment(x_train[idx_b], gen), y_train[idx_b]
            for g in opt.param_groups:
                g["lr"] = lr_at(step)
            loss = F.cross_entropy(model(xb), yb, label_smoothing=0.1)
            opt.zero_grad()
            loss.backward()
            opt.step()
            loss_sum += loss.item() * len(idx_b)
            step += 1
        val = accuracy(model, x_val, y_val)
        history.append({"epoch": epoch, "loss": loss_sum / len(x_train), "valAccuracy": val, "seconds": time.time() - t0})
        print(json.dumps(history[-1]), flush=True)
        if val > best:
            best, best_state = val, {k: v.clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    print(json.dumps({
        "train": len(x_train), "val": len(x_val), "test": len(x_test), "epochs": a.epochs,
        "bestValAccuracy": best, "testAccuracy": accuracy(model, x_test, y_test),
        "seconds": time.time() - t0, "threads": a.threads, "dilations": a.dilations, "init": a.init, "seed": a.seed,
    }))


if __name__ == "__main__":
    main()
