"""PyTorch side of bench/train-step.ts: the same no-pool CNN (3x3 'same' convs + ReLU, GAP, dense),
trained with Adam on cross-entropy, one step per 'step' line read from stdin; prints the step's
wall time in ms. Run by the TypeScript bench so both sides are timed interleaved in one run."""
import sys
import time

import torch

torch.set_num_threads(int(sys.argv[5]) if len(sys.argv) > 5 else 2)
batch, size, classes = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
filters = [int(f) for f in sys.argv[4].split(",")]

layers = []
cin = 3
for f in filters:
    layers += [torch.nn.Conv2d(cin, f, 3, padding=1), torch.nn.ReLU()]
    cin = f
model = torch.nn.Sequential(*layers, torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten(), torch.nn.Linear(cin, classes))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()
gen = torch.Generator().manual_seed(0)
x = torch.rand(batch, 3, size, size, generator=gen)
y = torch.randint(0, classes, (batch,), generator=gen)


def step():
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    return loss.item()


print(f"ready torch {torch.__version__} threads {torch.get_num_threads()}", flush=True)
for line in sys.stdin:
    if line.strip() != "step":
        break
    t0 = time.perf_counter()
    step()
    print(f"{(time.perf_counter() - t0) * 1000:.3f}", flush=True)
