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
  ack-client.py upload PHOTOS STATIONS ACKS TOKEN URL [--threads N] [--stop FILE]
        POSTs every photo-*.jpg of the directory PHOTOS as the raw body to URL?station=S (photo i to
        line i mod n of the file STATIONS) until it is acknowledged, retrying as `post` does. Each
        receipt is appended to ACKS as "time_ns index sha256 publicSha256 photo status".
  ack-client.py check-evidence ACKS PHOTOS STATIONS (--sqlite DB | --psql URL) BASE ADMIN_TOKEN
        Every acknowledged photo: its file hashes to the receipt's sha256; the log entry at the
        receipt's index is the evidence of that original (sha256, size), station and public copy; a
        running server at BASE serves GET /evidence/<publicSha256> with bytes of that hash and, to the
        administrator, GET /api/evidence/<sha256>/original with the photo's bytes. Prints acknowledged
        and lost.
"""
import csv, hashlib, http.client, json, os, subprocess, sys, threading, time, urllib.parse, urllib.request


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


def photos_of(d):
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.startswith("photo-") and f.endswith(".jpg"))


def upload(photo_dir, stations_file, acks_file, token, url, threads, stop):
    photos = photos_of(photo_dir)
    stations = [l.strip() for l in open(stations_file) if l.strip()]
    done = set()
    if os.path.exists(acks_file):
        for l in open(acks_file):
            p = l.split()
            if len(p) >= 5: done.add(int(p[4]))
    todo = [i for i in range(len(photos)) if i not in done]
    lock = threading.Lock()
    stats = {"503": 0, "507": 0, "conn": 0, "other": 0}
    out = open(acks_file, "a")
    u = urllib.parse.urlparse(url)

    def worker():
        conn = None
        while True:
            with lock:
                if not todo or (stop and os.path.exists(stop)): return
                i = todo.pop(0)
            body = open(photos[i], "rb").read()
            path = u.path + "?station=" + urllib.parse.quote(stations[i % len(stations)])
            while True:
                if stop and os.path.exists(stop): return
                try:
                    if conn is None: conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
                    conn.request("POST", path, body=body, headers={"Authorization": "Bearer " + token, "Content-Type": "image/jpeg"})
                    r = conn.getresponse()
                    data = r.read()
                    if r.status in (200, 201):
                        a = json.loads(data)
                        with lock:
                            out.write("%d %d %s %s %d %d\n" % (time.time_ns(), a["index"], a["sha256"], a.get("publicSha256", "-"), i, r.status))
                            out.flush()
                        break
                    with lock: stats[str(r.status) if r.status in (503, 507) else "other"] += 1
                    if r.status not in (503, 507): print("photo %d: HTTP %d %s" % (i, r.status, data[:300]), file=sys.stderr)
                    time.sleep(0.05)
                except (OSError, http.client.HTTPException):
                    with lock: stats["conn"] += 1
                    if conn: conn.close()
                    conn = None
                    time.sleep(0.05)

    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts: t.start()
    for t in ts: t.join()
    out.close()
    print("uploader: %d photos, %d receipts in this run's file, %d answers 503, %d answers 507, %d connection errors, %d other"
          % (len(photos), sum(1 for _ in open(acks_file)), stats["503"], stats["507"], stats["conn"], stats["other"]))


def log_of(sqlite_db, psql_url):
    if sqlite_db:
        import sqlite3
        c = sqlite3.connect("file:%s?mode=ro" % sqlite_db, uri=True)
        return {i: (h.lower(), b if isinstance(b, str) else b.decode()) for i, h, b in c.execute("SELECT idx, hex(leaf_hash), body FROM log_entry")}
    rows = subprocess.run(["psql", "-X", "-At", "-F", "\t", psql_url, "-c",
                           "SELECT idx, encode(leaf_hash, 'hex'), convert_from(body, 'UTF8') FROM log_entry"],
                          check=True, capture_output=True, text=True).stdout.split("\n")
    return {int(p[0]): (p[1], p[2]) for p in (r.split("\t") for r in rows) if len(p) == 3}


def check_evidence(acks_file, photo_dir, stations_file, sqlite_db, psql_url, base, admin):
    log = log_of(sqlite_db, psql_url)
    photos = photos_of(photo_dir)
    stations = [l.strip() for l in open(stations_file) if l.strip()]

    def fetch(path, token=None):
        req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token} if token else {})
        try:
            with urllib.request.urlopen(req, timeout=60) as r: return r.read()
        except OSError:
            return None

    def why_lost(a):  # None when the acknowledged photo is whole in the log and the blob store
        idx, sha, pub, i = int(a[1]), a[2], a[3], int(a[4])
        sent = open(photos[i], "rb").read()
        if hashlib.sha256(sent).hexdigest() != sha: return "the receipt's sha256 is not the photo's"
        e = log.get(idx)
        if e is None: return "no entry at the index"
        body = json.loads(e[1])
        if body.get("kind") != "evidence" or body["original"]["sha256"] != sha or body["original"]["size"] != len(sent):
            return "the entry at the index is not this photo's evidence"
        if body["station"] != stations[i % len(stations)]: return "the entry names another station"
        if body.get("public", {}).get("sha256", "-") != pub: return "the entry names another public copy"
        got = fetch("/evidence/" + pub)
        if got is None or hashlib.sha256(got).hexdigest() != pub: return "the public copy is missing or damaged"
        orig = fetch("/api/evidence/%s/original" % sha, admin)
        if orig != sent: return "the original is missing or damaged"
        return None

    acks = [l.split(" ") for l in open(acks_file).read().splitlines() if l.strip()]
    lost = [(a, w) for a in acks for w in [why_lost(a)] if w]
    evidence = sum(1 for _, b in log.values() if '"kind":"evidence"' in b)
    print("photos acknowledged %d (%d distinct, %d as already in the log), lost %d; evidence entries in the log %d"
          % (len(acks), len({a[4] for a in acks}), sum(1 for a in acks if a[5] == "200"), len(lost), evidence))
    for a, w in lost[:10]: print("LOST: index %s photo %s (HTTP %s): %s" % (a[1], a[4], a[5], w))
    return 1 if lost else 0


def check(acks_file, bodies_file, sqlite_db, psql_url):
    log = log_of(sqlite_db, psql_url)
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
    elif a and a[0] == "upload":
        threads, stop, rest = 2, None, []
        it = iter(a[1:])
        for x in it:
            if x == "--threads": threads = int(next(it))
            elif x == "--stop": stop = next(it)
            else: rest.append(x)
        upload(rest[0], rest[1], rest[2], rest[3], rest[4], threads, stop)
    elif a and a[0] == "check-evidence":
        sys.exit(check_evidence(a[1], a[2], a[3], a[5] if a[4] == "--sqlite" else None, a[5] if a[4] == "--psql" else None, a[6], a[7]))
    elif a and a[0] == "check":
        sys.exit(check(a[1], a[2], a[4] if a[3] == "--sqlite" else None, a[4] if a[3] == "--psql" else None))
    else:
        print(__doc__); sys.exit(2)
