"""What the GPU scripts of tests/bench share: a JSON report written as it grows (a call cut off at its
time limit still leaves what it measured) and PSNR between 8-bit images."""
import json, os

import numpy as np


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float("inf") if mse == 0 else 10 * np.log10(255.0 ** 2 / mse)


class Report:
    """report(key, value): printed as a JSON line and kept in OUT/<name>, rewritten each time."""

    def __init__(self, out, name, **first):
        self.path, self.results = os.path.join(out, name), dict(first)

    def __call__(self, key, value):
        self.results[key] = value
        print(json.dumps({key: value}), flush=True)
        json.dump(self.results, open(self.path, "w"), indent=1)
