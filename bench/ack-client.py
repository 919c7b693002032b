#!/usr/bin/env python3
"""A load client that keeps a durable record of what the server acknowledged, for the crash and
fail-over scripts (bench/crash-loop.sh, bench/failover.sh).

  ack-client.py bodies CSV OUT            sheets.csv (from `generate`) -> one JSON body per line
  ack-client.py post BODIES ACKS TOKEN URL [URL ...] [--threads N] [--stop FILE]
        POSTs every body until it is acknowledged (201, or 200 idempotent), retrying on 503, on 507
        (STORE-FULL: the server's storage is full) and on connection errors (trying the next URL). Each acknowledgement is appended to ACKS as
        "time_ns index leafHash line status" and flushed before the next request. Stops when every
        body is acknowledged or FILE exists. Prints counts of 503s, 507s and connection errors.
  ack-client.py check ACKS BODIES (--sqlite DB | --psql URL)
        Every acknowledged index must hold the sheet sent (and, for a new entry, the acknowledged
        leaf hash). Prints acknowledged and lost.
"""
import csv, http.client, json, os, subprocess, sys, threading, time, urllib.parse


def bodies(src, out):
    with open(out, "w") as f:
        for r in csv.DictReader(open(src)):
            votes = {k: int(v) for k, v in r.items() if k.startswith(r["contest"] + "-L") and v != ""}
            counts = {"registered": int(r["registered"]), "ballots": int(r["ballots"]), "valid": int(r["valid"]),
                      "null": int(r["null"]), "blank": int(r["blank"])}
            f.write(json.dumps({"station": r["station"], "contest": r["contest"], "source": r["source"], "counts": counts, "votes": votes}) + "\n")


def post(bodies_file, acks_file, token, urls, threads, stop):
    lines = open(bodies_file).read().splitlines()
    done = set()
    if os.path.exists(acks_file):  # resume: what an earlier run got acknowledged
        for l in open(acks_file):
            p = l.split()
            if len(p) >= 4: done.add(int(p[3]))
    todo = [i for i in range(len(lines)) if i not in done]
    lock = threading.Lock()
    stats = {"503": 0, "507": 0, "conn": 0, "other": 0}
    out = open(acks_file, "a")
    parsed = [urllib.parse.urlparse(u) for u in urls]

    def worker(k):
        conn, which = None, k % len(parsed)
        while True:
            with lock:
                if not todo or (stop and os.path.exists(stop)): return
                i = todo.pop(0)
            while True:
                if stop and os.path.exists(stop): return
                u = parsed[which]
                try:
                    if conn is None: conn = http.client.HTTPConnection(u.hostname, u.port, timeout=35)
                    conn.request("POST", u.path, body=lines[i].encode(), headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
                    r = conn.getresponse()
                    data = r.read()
                    if r.status in (200, 201):
                        a = json.loads(data)
                        with lock:
                            out.write("%d %d %s %d %d\n" % (time.time_ns(), a["index"], a["leafHash"], i, r.status))
                            out.flush()
                        break
                    with lock: stats[str(r.status) if r.status in (503, 507) else "other"] += 1
                    if r.status not in (503, 507): print("line %d: HTTP %d %s" % (i, r.status, data[:300]), file=sys.stderr)
                    time.sleep(0.05)
                except (OSError, http.client.HTTPException):
                    with lock: stats["conn"] += 1
                    if conn: conn.close()
                    conn, which = None, (which + 1) % len(parsed)
                    time.sleep(0.05)

    ts = [threading.Thread(target=worker, args=(k,)) for k in range(threads)]
    for t in ts: t.start()
    for t in ts: t.join()
    out.close()
    print("client: %d bodies, %d acknowledged in this run's file, %d answers 503, %d answers 507, %d connection errors, %d other"
          % (len(lines), sum(1 for _ in open(acks_file)), stats["503"], stats["507"], stats["conn"], stats["other"]))


def check(acks_file, bodies_file, sqlite_db, psql_url):
    if sqlite_db:
        import sqlite3
        c = sqlite3.connect("file:%s?mode=ro" % sqlite_db, uri=True)
        log = {i: (h.lower(), b.decode()) for i, h, b in c.execute("SELECT idx, hex(leaf_hash), body FROM log_entry")}
    else:
        rows = subprocess.run(["psql", "-X", "-At", "-F", "\t", psql_url, "-c",
                               "SELECT idx, encode(leaf_hash, 'hex'), convert_from(body, 'UTF8') FROM log_entry"],
                              check=True, capture_output=True, text=True).stdout.split("\n")
        log = {int(p[0]): (p[1], p[2]) for p in (r.split("\t") for r in rows) if len(p) == 3}
    sent = open(bodies_file).read().splitlines()
    keys = ("station", "contest", "source", "counts", "votes")

    def holds(a):  # the entry at the index is the sheet sent; for a new entry (201), with the leaf hash acknowledged
        e = log.get(int(a[1]))
        if e is None or (a[4] == "201" and e[0] != a[2].lower()): return False
        got, want = json.loads(e[1]), json.loads(sent[int(a[3])])
        return all(got.get(k) == want[k] for k in keys)

    acks = [l.split(" ") for l in open(acks_file).read().splitlines() if l.strip()]
    lost = [a for a in acks if not holds(a)]
    print("acknowledged %d (%d distinct sheets, %d as already in the log), lost %d; log size %d"
          % (len(acks), len({a[3] for a in acks}), sum(1 for a in acks if a[4] == "200"), len(lost), len(log)))
    for a in lost[:10]: print("LOST: index %s leaf %s (body line %s, HTTP %s)" % (a[1], a[2] or "-", a[3], a[4]))
    return 1 if lost else 0


if __name__ == "__main__":
    a = sys.argv[1:]
    if a and a[0] == "bodies": bodies(a[1], a[2])
    elif a and a[0] == "post":
        threads, stop, rest = 4, None, []
        it = iter(a[1:])
        for x in it:
            if x == "--threads": threads = int(next(it))
            elif x == "--stop": stop = next(it)
            else: rest.append(x)
        post(rest[0], rest[1], rest[2], rest[3:], threads, stop)
    elif a and a[0] == "check":
        sys.exit(check(a[1], a[2], a[4] if a[3] == "--sqlite" else None, a[4] if a[3] == "--psql" else None))
    else:
        print(__doc__); sys.exit(2)
