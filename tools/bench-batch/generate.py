#!/usr/bin/env python3
"""Writes COUNT varied copies of the bundled district for the batch benchmark (tools/bench-batch/run.sh).

Copy i keeps every layer of geodata/qiantang (symbolic links, not copies) except the facilities, of which it
drops every tenth feature starting at the (i mod 10)-th, so that no two neighbouring copies give the same
coverage; its manifest's name says which copy it is. Modelled data, like the bundled layers it is made from.
"""
import argparse
import json
import os

parser = argparse.ArgumentParser()
parser.add_argument("--count", type=int, default=200)
parser.add_argument("--out", required=True)
args = parser.parse_args()

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
source = os.path.join(root, "geodata", "qiantang")
with open(os.path.join(source, "district.json"), encoding="utf-8") as f:
    manifest = json.load(f)
with open(os.path.join(source, manifest["layers"]["facilities"]["file"]), encoding="utf-8") as f:
    facilities = json.load(f)

os.makedirs(args.out, exist_ok=True)
for i in range(args.count):
    folder = os.path.join(args.out, f"d{i:03d}")
    os.makedirs(folder, exist_ok=True)
    copy = dict(manifest)
    copy["name"] = f"{manifest['name']} (bench copy {i})"
    with open(os.path.join(folder, "district.json"), "w", encoding="utf-8") as f:
        json.dump(copy, f, ensure_ascii=False, indent=2)
    for name, entry in manifest["layers"].items():
        target = os.path.join(folder, entry["file"])
        if name == "facilities":
            kept = dict(facilities)
            kept["features"] = [feature for k, feature in enumerate(facilities["features"]) if k % 10 != i % 10]
            with open(target, "w", encoding="utf-8") as f:
                json.dump(kept, f, ensure_ascii=False)
        else:
            os.symlink(os.path.join(source, entry["file"]), target)
print(f"{args.count} districts in {args.out}")
