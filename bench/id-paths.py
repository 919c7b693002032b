#!/usr/bin/env python3
"""Paths for bench/serve-id.sh (reads at Indonesia's scale, issue 15), one a line for bench/wrk/paced.lua PATHS.

  id-paths.py PORT OUTDIR [DISTRICTS]

Walks the unit tree of a serving instance from the root (GET /api/units/{id}): every province, every regency,
every district, and the villages of DISTRICTS districts drawn at random (default 400). Writes, shuffled with the
fixed seed 1:
  OUTDIR/results.txt    5,000 GET /api/results?unit=U&contest=C: the level drawn uniformly (so the root and the 38
                        provinces are read as often as the villages), then the unit, then the contest
  OUTDIR/villages.txt   2,000 GET /{lang}/unit/V: random villages of the walk, each language in turn
  OUTDIR/provinces.txt  every province page in every language
and prints how many units of each level it saw.
"""
import json, os, random, sys, urllib.request

port, out = sys.argv[1], sys.argv[2]
districts_wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 400
base = f"http://127.0.0.1:{port}"
LANGS = ["en", "es", "id", "pt"]


def get(path):
    return json.load(urllib.request.urlopen(base + path))


def kids(unit):
    return [c["unit"] for c in get(f"/api/units/{unit}")["children"]]


random.seed(1)
election = get("/api/election")
contests = [c["id"] for c in election["contests"]]
root = election["root"]
levels = [[root]]
levels.append(kids(root))                                   # provinces
levels.append([r for p in levels[1] for r in kids(p)])      # regencies
levels.append([d for r in levels[2] for d in kids(r)])      # districts
sample = random.sample(levels[3], min(districts_wanted, len(levels[3])))
levels.append([v for d in sample for v in kids(d)])         # villages of the sampled districts
for i, l in enumerate(levels):
    print(f"level {i}: {len(l)} units" + (f" (of {len(sample)} districts)" if i == 4 else ""))

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "results.txt"), "w") as f:
    for _ in range(5000):
        unit = random.choice(random.choice(levels))
        f.write(f"/api/results?unit={unit}&contest={random.choice(contests)}\n")
villages = random.sample(levels[4], min(2000, len(levels[4])))
with open(os.path.join(out, "villages.txt"), "w") as f:
    f.write("".join(f"/{LANGS[i % 4]}/unit/{v}\n" for i, v in enumerate(villages)))
provinces = [f"/{lang}/unit/{p}\n" for p in levels[1] for lang in LANGS]
random.shuffle(provinces)
with open(os.path.join(out, "provinces.txt"), "w") as f:
    f.write("".join(provinces))
print(f"contests {contests}; {len(villages)} village pages, {len(provinces)} province pages")
