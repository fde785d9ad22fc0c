"""Side-by-side ratio table: Gesso's gesso-bench JSON lines against diffusers' (diffusers_anchor.py
anchor.jsonl), both measured in the same GPU run on the same weights.

Usage: ratio_table.py GESSO_JSONL ANCHOR_JSONL PAIRS_JSON
PAIRS_JSON maps a diffusers stage to the Gesso configuration label it is compared with, e.g.
{"sd15_fp16_sdpa": "fp16, batch 1", ...}. Prints a markdown table: it/s, e2e, peak and the ratios.
"""
import json
import sys


def rows(path, key):
    out = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                r = json.loads(line)
                if key in r:
                    out[r[key]] = r
    return out


def main():
    gesso = rows(sys.argv[1], "configuration")
    diffusers = rows(sys.argv[2], "stage")
    pairs = json.load(open(sys.argv[3]))
    print("| diffusers | it/s | e2e (s) | peak (GiB) | Gesso | it/s | e2e (s) | peak (GiB) | it/s ratio | e2e ratio |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for stage, label in pairs.items():
        d, g = diffusers.get(stage), gesso.get(label)
        if not d or not g:
            print(f"| {stage} | {'missing' if not d else ''} | | | {label} | {'missing' if not g else ''} | | | | |")
            continue
        print(f"| {stage} | {d['it_s']:.1f} | {d['e2e_s']:.2f} | {d['peak_alloc_gib']:.2f} | {label} | "
              f"{g['it_s']:.1f} | {g['e2e_s']:.2f} | {g['peak_alloc_gib']:.2f} | "
              f"{g['it_s'] / d['it_s']:.2f}x | {d['e2e_s'] / g['e2e_s']:.2f}x |")


if __name__ == "__main__":
    main()
