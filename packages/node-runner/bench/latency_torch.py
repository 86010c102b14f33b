"""PyTorch side of bench/latency.mjs: torch-cam's latency protocol (per-method overhead beyond the
forward pass) on torchvision's resnet18 and mobilenet_v3_large (random weights), 2 threads, with
a hook implementation of pytorch-grad-cam 1.5's maths for every method camkit has.

usage: python3 latency_torch.py CONFIG_JSON   (prints one JSON object)
CONFIG: {"size", "batches", "rounds", "models", "methods", "heavyBatches", "device"?}
"device": "cpu" (default, 2 threads) or "cuda" (the model and input on the GPU; every timed call ends
with the result copied to the host, which waits for the GPU).
A method's time runs from the input batch to the maps on the host, like camkit's explain().
Interleaved as bench/latency.mjs: one warm-up of the forward and of each light method, then
`rounds` rounds in which every method runs right after a forward pass on the same input (order
rotating by round; Score-/Ablation-CAM in the first round only); per method the median and range
over rounds of (method_r - forward_r), and the median forward. An ETA goes to stderr.
"""
import json
import statistics
import sys
import time

import torch
import torch.nn.functional as F
import torchvision

torch.set_num_threads(2)
torch.manual_seed(0)
DEVICE = torch.device("cpu")

# The target layers: torch-cam's defaults (resnet18 layer4, mobilenet_v3_large features[-1]).
def build(name):
    if name == "resnet18":
        m = torchvision.models.resnet18()
        return m.eval(), m.layer4, m.fc
    m = torchvision.models.mobilenet_v3_large()
    return m.eval(), m.features[-1], None


class Hook:
    def __init__(self, layer):
        self.acts = None
        self.replace = None
        layer.register_forward_hook(self._hook)

    def _hook(self, module, inputs, output):
        if self.replace is not None:
            return self.replace(output)
        self.acts = output
        return None


def score(logits, targets):
    return logits[torch.arange(len(targets)), targets].sum()


def scale(cam, size):
    """pytorch-grad-cam's scale_cam_image: ReLU'd map [N, h, w] -> min-max, resize, on the host."""
    cam = torch.relu(cam)
    lo = cam.amin(dim=(1, 2), keepdim=True)
    hi = cam.amax(dim=(1, 2), keepdim=True)
    cam = (cam - lo) / (1e-7 + hi - lo)
    return F.interpolate(cam[:, None], size=(size, size), mode="bilinear", align_corners=False)[:, 0].cpu().numpy()


def projection(x):
    """pytorch-grad-cam's get_2d_projection: first right singular vector of the centred [hw, K]."""
    n, k, h, w = x.shape
    out = []
    for i in range(n):
        a = x[i].reshape(k, h * w).T
        a = a - a.mean(dim=0)
        _, _, vt = torch.linalg.svd(a, full_matrices=False)
        out.append((a @ vt[0]).reshape(h, w))
    return torch.stack(out)


class GuidedRelu(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.clamp(min=0)

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * (x > 0) * (g > 0)


class GuidedModule(torch.nn.Module):
    def forward(self, x):
        return GuidedRelu.apply(x)


def guided_copy(model):
    import copy

    g = copy.deepcopy(model)
    for parent in g.modules():
        for name, child in parent.named_children():
            if isinstance(child, torch.nn.ReLU):
                setattr(parent, name, GuidedModule())
    return g.eval()


def input_grad(model, x, targets):
    x = x.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(score(model(x), targets), x)
    return g


def grad_maps(model, hook, x, targets):
    logits = model(x)
    acts = hook.acts
    (g,) = torch.autograd.grad(score(logits, targets), acts)
    return acts.detach(), g


def run_method(method, ctx, x, targets):
    model, hook, fc, size = ctx["model"], ctx["hook"], ctx["fc"], ctx["size"]
    if method in ("gradcam", "gradcam++", "xgradcam", "layercam", "hirescam", "gradcam-elementwise", "eigengradcam"):
        a, g = grad_maps(model, hook, x, targets)
        if method == "gradcam":
            cam = (g.mean(dim=(2, 3), keepdim=True) * a).sum(1)
        elif method == "gradcam++":
            g2, g3 = g**2, g**3
            s = a.sum(dim=(2, 3), keepdim=True)
            aij = g2 / (2 * g2 + s * g3 + 1e-7)
            aij = torch.where(g != 0, aij, torch.zeros_like(aij))
            w = (torch.relu(g) * aij).sum(dim=(2, 3), keepdim=True)
            cam = (w * a).sum(1)
        elif method == "xgradcam":
            s = a.sum(dim=(2, 3), keepdim=True)
            w = (g * a / (s + 1e-7)).sum(dim=(2, 3), keepdim=True)
            cam = (w * a).sum(1)
        elif method == "layercam":
            cam = (torch.relu(g) * a).sum(1)
        elif method == "hirescam":
            cam = (g * a).sum(1)
        elif method == "gradcam-elementwise":
            cam = torch.relu(g * a).sum(1)
        else:
            cam = projection(g * a)
        return scale(cam, size)
    with torch.no_grad():
        if method == "cam":
            model(x)
            a = hook.acts
            w = fc.weight[targets][:, :, None, None]
            return scale((w * a).sum(1), size)
        if method == "eigencam":
            model(x)
            return scale(projection(hook.acts), size)
        if method == "scorecam":
            model(x)
            acts = hook.acts
            maps = []
            for i in range(len(x)):
                up = F.interpolate(acts[i : i + 1], size=(size, size), mode="bilinear", align_corners=False)[0]
                lo = up.amin(dim=(1, 2), keepdim=True)
                hi = up.amax(dim=(1, 2), keepdim=True)
                masks = (up - lo) / (hi - lo + 1e-8)
                scores = []
                for s in range(0, len(masks), 16):
                    scores.append(model(x[i : i + 1] * masks[s : s + 16, None])[:, targets[i]])
                w = torch.softmax(torch.cat(scores), 0)
                maps.append((w[:, None, None] * acts[i]).sum(0))
            return scale(torch.stack(maps), size)
        if method == "ablationcam":
            base = model(x)
            acts = hook.acts
            k = acts.shape[1]
            maps = []
            for i in range(len(x)):
                orig = base[i, targets[i]]
                drops = []
                for s in range(0, k, 32):
                    m = min(32, k - s)

                    def ablate(out, s=s, m=m):
                        out = out.repeat(m, 1, 1, 1)
                        out[torch.arange(m, device=out.device), torch.arange(s, s + m, device=out.device)] = 0
                        return out

                    hook.replace = ablate
                    drops.append(model(x[i : i + 1])[:, targets[i]])
                    hook.replace = None
                w = (orig - torch.cat(drops)) / orig
                maps.append((w[:, None, None] * acts[i]).sum(0))
            return scale(torch.stack(maps), size)
    if method == "guided-backprop":
        return input_grad(ctx["guided"], x, targets).cpu().numpy()
    if method == "guided-gradcam":
        gray = run_method("gradcam", ctx, x, targets)
        gb = input_grad(ctx["guided"], x, targets)
        return (gb * torch.from_numpy(gray).to(DEVICE)[:, None]).cpu().numpy()
    if method == "smoothgrad":
        sigma = 0.15 * (x.amax(dim=(1, 2, 3)) - x.amin(dim=(1, 2, 3)))
        n, samples = len(x), 25
        per = max(1, 16 // n)
        total = torch.zeros_like(x)
        for s in range(0, samples, per):
            m = min(per, samples - s)
            noisy = torch.cat([x + torch.randn_like(x) * sigma[:, None, None, None] for _ in range(m)])
            total += input_grad(model, noisy, targets.repeat(m)).reshape(m, *x.shape).sum(0)
        return (total / samples).cpu().numpy()
    if method == "integrated-gradients":
        n, steps = len(x), 32
        per = max(1, 16 // n)
        total = torch.zeros_like(x)
        for s in range(0, steps, per):
            m = min(per, steps - s)
            pts = torch.cat([x * (s + j + 1) / steps for j in range(m)])
            total += input_grad(model, pts, targets.repeat(m)).reshape(m, *x.shape).sum(0)
        return (x * total / steps).cpu().numpy()
    raise KeyError(method)


def timed(fn):
    t = time.perf_counter()
    fn()
    return 1000 * (time.perf_counter() - t)


def interleaved(label, forward, methods, rounds, heavy_guess, started):
    """methods: [(name, fn, heavy)] -> (median forward ms, {name: {median, min, max}})."""
    fwd_warm = timed(forward)
    per_round = sum(fwd_warm + timed(fn) for _, fn, heavy in methods if not heavy)
    heavy_eta = sum(fwd_warm + heavy_guess(fwd_warm) for _, _, heavy in methods if heavy)
    print(
        f"{label}: warm-up done; this block ETA ~{(rounds * per_round + heavy_eta) / 1000:.0f} s"
        f"{' (heavy methods estimated high: one forward per channel)' if heavy_eta else ''}; "
        f"{time.perf_counter() - started:.0f} s elapsed",
        file=sys.stderr,
        flush=True,
    )
    forwards, diffs = [], {name: [] for name, _, _ in methods}
    for r in range(rounds):
        order = [methods[(i + r) % len(methods)] for i in range(len(methods))]
        for name, fn, heavy in order:
            if heavy and r > 0:
                continue
            f = timed(forward)
            t = timed(fn)
            forwards.append(f)
            diffs[name].append(t - f)
    stats = {n: {"median": statistics.median_high(d), "min": min(d), "max": max(d)} for n, d in diffs.items() if d}
    return statistics.median_high(forwards) if forwards else fwd_warm, stats


def main():
    global DEVICE
    cfg = json.loads(sys.argv[1])
    DEVICE = torch.device(cfg.get("device", "cpu"))
    started = time.perf_counter()
    out = {
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "device": torch.cuda.get_device_name(DEVICE) if DEVICE.type == "cuda" else "cpu",
        "results": [],
    }
    for name in cfg["models"]:
        model, layer, fc = build(name)
        model.to(DEVICE)
        # Parameters keep requires_grad (so the hooked activations are part of the graph);
        # autograd.grad(score, acts) computes no parameter gradients.
        ctx = {"model": model, "hook": Hook(layer), "fc": fc, "size": cfg["size"], "guided": guided_copy(model)}
        for batch in cfg["batches"]:
            x = torch.rand(batch, 3, cfg["size"], cfg["size"]).to(DEVICE)
            # torch-cam's class index 232 for every image.
            targets = torch.full((batch,), 232, dtype=torch.long, device=DEVICE)

            def forward():
                with torch.no_grad():
                    model(x).cpu().numpy()

            for _ in range(2):
                forward()
            methods = []
            row = {"model": name, "batch": batch, "methods": {}}
            for method in cfg["methods"]:
                if method == "cam" and fc is None:
                    row["methods"][method] = None
                    continue
                heavy = method in ("scorecam", "ablationcam", "smoothgrad", "integrated-gradients")
                if heavy and batch not in cfg["heavyBatches"]:
                    continue
                methods.append((method, lambda method=method: run_method(method, ctx, x, targets), heavy))
            channels = ctx["hook"].acts.shape[1]
            row["forward"], stats = interleaved(
                f"pytorch {name} b{batch}", forward, methods, cfg["rounds"], lambda f: channels * f, started
            )
            row["methods"].update(stats)
            out["results"].append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
