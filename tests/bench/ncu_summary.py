"""Sums an `ncu --csv --page raw --metrics gpu__time_duration.sum` log per kernel name: where one
UNet call's GPU time goes. Usage: python3 ncu_summary.py LOG [TOP]"""
import csv, collections, sys

rows = [l for l in open(sys.argv[1], encoding="utf-8", errors="replace") if l.startswith('"')]
reader = csv.DictReader(rows)
total = collections.Counter()
count = collections.Counter()
for r in reader:
    try:
        ns = float(r["gpu__time_duration.sum"].replace(",", ""))
    except (KeyError, ValueError):
        continue  # the units row
    name = r["Kernel Name"][:110]
    total[name] += ns
    count[name] += 1
all_ns = sum(total.values())
print(f"{sum(count.values())} kernels, {all_ns / 1e6:.3f} ms of GPU time")
print("| kernel | launches | total us | share |\n|---|---:|---:|---:|")
for name, ns in total.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 40):
    print(f"| {name} | {count[name]} | {ns / 1e3:.1f} | {100 * ns / all_ns:.1f}% |")
