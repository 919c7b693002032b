#!/usr/bin/env python3
"""Paths of results to read in the whole-run benchmarks: walks the unit tree of a serving instance
breadth-first from the nation (GET /api/units/{id}) to at most MAX units (default 5,000), shuffles
them with a fixed seed, and writes one /api/results?unit=ID path a line (bench/wrk/paced.lua PATHS).

  unit-paths.py PORT OUT [MAX]
"""
import json, random, sys, urllib.request

port, out = sys.argv[1], sys.argv[2]
most = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
random.seed(1)
units, frontier = ["N"], ["N"]
while frontier and len(units) < most:
    u = frontier.pop(0)
    d = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/units/{u}"))
    kids = [c["unit"] for c in d["children"]]
    units += kids
    frontier += kids
random.shuffle(units)
with open(out, "w") as f:
    f.write("".join(f"/api/results?unit={u}\n" for u in units))
print(f"{len(units)} units to read")
