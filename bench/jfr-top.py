#!/usr/bin/env python3
"""Summarises a Java Flight Recorder file's execution samples: the share of samples per thread (names with digits
folded), per top frame (self time) and per frame anywhere on the stack (inclusive), the N most frequent of each.
Usage: bench/jfr-top.py FILE.jfr [N] [THREAD-SUBSTRING]; JFR_EVENT=jdk.NativeMethodSample for threads in native code. Needs the JDK's `jfr` tool on the PATH."""
import collections
import os
import re
import subprocess
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
only = sys.argv[3] if len(sys.argv) > 3 else None
event = os.environ.get("JFR_EVENT", "jdk.ExecutionSample")
out = subprocess.run(["jfr", "print", "--events", event, "--stack-depth", "64", path],
                     capture_output=True, text=True, check=True).stdout
threads, selfs, incl = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for ev in out.split(event + " {")[1:]:
    m = re.search(r'sampledThread = "([^"]*)"', ev)
    thread = re.sub(r"\d+", "#", m.group(1)) if m else "?"
    if only and only not in thread:
        continue
    frames = [re.sub(r"\(.*", "", f.strip()) for f in ev.split("stackTrace = [")[1].split("]")[0].splitlines()
              if f.strip() and not f.strip().startswith("...")]
    if not frames:
        continue
    total += 1
    threads[thread] += 1
    selfs[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
print(f"{total} samples")
for title, c in (("threads", threads), ("self (top frame)", selfs), ("inclusive", incl)):
    print(f"-- {title}")
    for k, v in c.most_common(top):
        print(f"{100 * v / total:5.1f}%  {k}")
