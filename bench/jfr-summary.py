#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go: per thread, the top frames (self time) and the top frames of
the project (org.veritally, inclusive of what they call), as shares of that thread's samples. Java code
(jdk.ExecutionSample) and time in native code such as SQLite (jdk.NativeMethodSample) are counted apart.

    bench/jfr-summary.py RECORDING.jfr [TOP] [jdk.ExecutionSample|jdk.NativeMethodSample]

Reads `jfr print --json --events KIND` (JDK 17's jfr tool has no `view`)."""
import collections, json, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
kind = sys.argv[3] if len(sys.argv) > 3 else "jdk.ExecutionSample"
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", kind, path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]
by_thread = collections.defaultdict(list)
print(kind)
for e in events:
    v = e["values"]
    t = (v.get("sampledThread") or {}).get("javaName") or "?"
    frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in (v.get("stackTrace") or {}).get("frames", [])]
    by_thread[t].append(frames)
total = sum(len(s) for s in by_thread.values())
print(f"{total} samples")
for t, stacks in sorted(by_thread.items(), key=lambda kv: -len(kv[1])):
    if len(stacks) < total * 0.02:
        continue
    print(f"\n== {t}: {len(stacks)} samples ({100 * len(stacks) / total:.0f}% of all)")
    own = collections.Counter(s[0] for s in stacks if s)
    print("  self:")
    for m, n in own.most_common(top):
        print(f"    {100 * n / len(stacks):5.1f}%  {m}")
    incl = collections.Counter()
    for s in stacks:
        for m in set(f for f in s if f.startswith("org.veritally")):
            incl[m] += 1
    print("  inclusive (org.veritally):")
    for m, n in incl.most_common(top):
        print(f"    {100 * n / len(stacks):5.1f}%  {m}")
