"""Grad-CAM on the camNet architecture in PyTorch (CPU), for camkit's benchmark.

Reads the tfjs model's weights (written by gradcam.bench.ts as raw float32 + a JSON manifest),
builds the same network in torch, times Grad-CAM per image at the requested batch sizes and
prints one JSON object. The maps are checked against camkit's (max abs difference reported).
Grad-CAM here: alpha = spatial mean of d logit / d A, cam = relu(sum alpha A), min-max — the
pytorch-grad-cam 1.5 convention, written inline (the library is not a Debian package).
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def main():
    spec = json.load(open(sys.argv[1]))
    raw = np.fromfile(spec["weights"], dtype="<f4")
    tensors, at = {}, 0
    for w in spec["manifest"]:
        n = int(np.prod(w["shape"]))
        tensors[w["name"]] = raw[at : at + n].reshape(w["shape"])
        at += n
    convs = []
    for name in spec["convs"]:
        # Parameters require grad, as in an nn.Module under pytorch-grad-cam (backward fills them too).
        k = torch.nn.Parameter(torch.from_numpy(tensors[name + "/kernel"].transpose(3, 2, 0, 1).copy()))  # HWIO -> OIHW
        b = torch.nn.Parameter(torch.from_numpy(tensors[name + "/bias"].copy()))
        convs.append((k, b))
    dense_w = torch.nn.Parameter(torch.from_numpy(tensors[spec["dense"] + "/kernel"].T.copy()))
    dense_b = torch.nn.Parameter(torch.from_numpy(tensors[spec["dense"] + "/bias"].copy()))
    params = [p for kb in convs for p in kb] + [dense_w, dense_b]

    def forward(x):
        for k, b in convs:
            x = F.relu(F.conv2d(x, k, b, padding=1))
        feats = x
        logits = F.linear(feats.mean(dim=(2, 3)), dense_w, dense_b)
        return feats, logits

    def gradcam(x, target):
        for p in params:
            p.grad = None
        feats, logits = forward(x)
        feats.retain_grad()
        logits.gather(1, target[:, None]).sum().backward()
        alpha = feats.grad.mean(dim=(2, 3), keepdim=True)
        cam = F.relu((alpha * feats).sum(dim=1))
        cam = cam - cam.amin(dim=(1, 2), keepdim=True)
        cam = cam / (cam.amax(dim=(1, 2), keepdim=True) + 1e-7)
        cam = F.interpolate(cam[:, None], size=x.shape[-2:], mode="bilinear", align_corners=False)[:, 0]
        cam = F.relu(cam)
        cam = cam - cam.amin(dim=(1, 2), keepdim=True)
        return (cam / (cam.amax(dim=(1, 2), keepdim=True) + 1e-7)).detach()

    size = spec["size"]
    images = np.fromfile(spec["images"], dtype="<f4").reshape(-1, size, size, spec["channels"])
    out = {"torch": torch.__version__, "threads": {}}
    for threads in spec["threads"]:
        torch.set_num_threads(threads)
        rows = []
        for batch, reps in spec["runs"]:
            x = torch.from_numpy(images[:batch].transpose(0, 3, 1, 2).copy()).requires_grad_(False)
            with torch.no_grad():
                target = forward(x)[1].argmax(dim=1)
            maps = gradcam(x, target)  # warm-up
            times = []
            for _ in range(reps):
                start = time.perf_counter()
                maps = gradcam(x, target)
                times.append(time.perf_counter() - start)
            seconds = float(np.median(times))  # robust to other jobs on a shared box
            rows.append({"batch": batch, "reps": reps, "ms_per_image": 1000 * seconds / batch})
            if batch == spec["check_batch"]:
                np.asarray(maps, dtype="<f4").tofile(spec["maps_out"])
        out["threads"][str(threads)] = rows
    print(json.dumps(out))


if __name__ == "__main__":
    main()
