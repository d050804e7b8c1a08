#!/usr/bin/env python3
"""Checks two WildFly nodes of one build on one PostgreSQL database behind a round-robin balancer.

Run by tools/load/two-nodes.sh, which starts the stack and passes the URLs:
  two-nodes.py --balancer URL --a URL --b URL --realm KEYCLOAK_REALM_URL --access-log FILE
               [--keycloak URL]   (Keycloak base: then also the browser-session checks)

Checks (each line printed ok/FAIL/note; exit status 1 on any FAIL):
 1. responses submitted through the balancer (customers by one-time links, an employee): both nodes
    take some (counted from the balancer's access log, by upstream), every one stored once;
 2. an import of 3,000 rows through node A while four clients read the aggregate on A and B (each
    read drains the outbox): never more than 3,000 counted, both nodes end on the same digest;
 3. a rebuild through node B while employees answer through node A: a second rebuild is refused
    (409), the result counts every response on both nodes, another rebuild through A equals it;
 4. the campaign closed, every /report... endpoint, /aggregates, /response-rates and the exports
    fetched from each node directly, as the administrator and as a department head: identical JSON
    (the CSV export: identical rows apart from its random respondent ids and row order);
 5. what a balancer must know: job status (import, rebuild) read on the other node; with --keycloak,
    a browser (OIDC authorization code) session of one node used on the other.
"""
import argparse, datetime, http.cookiejar, json, random, re, sys, threading, time, uuid
import urllib.error, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

ap = argparse.ArgumentParser()
ap.add_argument("--balancer", required=True)
ap.add_argument("--a", required=True)
ap.add_argument("--b", required=True)
ap.add_argument("--realm", required=True)
ap.add_argument("--access-log", required=True)
ap.add_argument("--keycloak")
ap.add_argument("--customers", type=int, default=200)
ap.add_argument("--rows", type=int, default=3000)
args = ap.parse_args()
LB, A, B = args.balancer, args.a, args.b
FAILS = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what, flush=True)
    if not ok:
        FAILS.append(what)


def note(what):
    print("note  " + what, flush=True)


TOKENS = {}
TOKEN_LOCK = threading.Lock()


def token(u):
    """A fresh enough access token of u (renewed after 2 minutes; the realm's tokens live 5 minutes)."""
    with TOKEN_LOCK:  # one sign-in at a time: Keycloak's brute-force detection locks out bursts
        t = TOKENS.get(u)
        if t is None or time.time() - t[0] > 120:
            d = urllib.parse.urlencode({"grant_type": "password", "client_id": "cx-cli", "username": u, "password": u}).encode()
            t = (time.time(), json.load(urllib.request.urlopen(args.realm + "/protocol/openid-connect/token", d))["access_token"])
            TOKENS[u] = t
        return t[1]


def call(base, method, path, tok=None, body=None, ctype="application/json", headers=None):
    req = urllib.request.Request(base + path, method=method, data=body.encode() if body is not None else None)
    if tok:
        req.add_header("Authorization", "Bearer " + tok)
    req.add_header("Accept", "application/json")
    if body is not None:
        req.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


def get_json(base, path, tok):
    s, h, b = call(base, "GET", path, tok)
    if s != 200:
        raise AssertionError(f"GET {base}{path}: {s} {b[:300]}")
    return json.loads(b)


scope = ["Sales", "Marketing", "Finance", "Operations"]
depts = {d["name"]: d["id"] for d in get_json(LB, "/api/departments", token("admin"))}
for d in scope:  # a fresh database has none (no demo seed)
    if d not in depts:
        s, h, b = call(LB, "POST", "/api/departments", token("admin"), json.dumps({"name": d, "headcount": 400}))
        assert s == 201, b
        depts[d] = json.loads(b)["id"]
inst = [i for i in get_json(LB, "/api/instruments", token("admin")) if i.get("builtIn")][0]["id"]
items = get_json(LB, f"/api/instruments/{inst}", token("admin"))["definition"]["items"]
emp = [i["id"] for i in items if i["model"] != "collaboration" and i["population"] != "customer"]
cus = [i["id"] for i in items if i["model"] != "collaboration" and i["population"] != "employee"]
today = datetime.date.today()
s, h, b = call(LB, "POST", "/api/campaigns", token("admin"), json.dumps({
    "title": "Two nodes " + uuid.uuid4().hex[:8], "instrumentId": inst,
    "departmentIds": [depts[d] for d in scope], "audiences": ["EMPLOYEES", "CUSTOMERS"],
    "opensOn": str(today), "closesOn": str(today + datetime.timedelta(days=7)),
    "anonymityThreshold": 5, "transparency": "ALL_DEPARTMENTS"}))
assert s == 201, b
cid = json.loads(b)["id"]
assert call(LB, "POST", f"/api/campaigns/{cid}/open", token("admin"), "")[0] == 200
rnd = random.Random(1)

# ---- 1. responses through the balancer ----
log_start = 0
try:
    with open(args.access_log, "rb") as f:
        log_start = len(f.read())
except FileNotFoundError:
    pass
s, h, b = call(LB, "POST", f"/api/campaigns/{cid}/invitations", token("admin"), json.dumps({"anonymousLinks": args.customers}))
assert s == 201, b
links = [urllib.parse.urlparse(u).path.rsplit("/", 1)[1] for u in json.loads(b)["links"]]


def customer(i_tok):
    i, tok = i_tok
    body = {"answers": {c: rnd.randint(1, 5) for c in cus}}
    if i % 10 == 0:
        body["comment"] = f"customer comment {i:04d}"
    return call(LB, "POST", f"/api/survey/{tok}", None, json.dumps(body), headers={"Idempotency-Key": str(uuid.uuid4())})[0]


t0 = time.time()
with ThreadPoolExecutor(4) as ex:
    codes = list(ex.map(customer, enumerate(links)))
ans = {i: rnd.randint(1, 5) for i in emp}
ans.update({"collab." + d: 4 for d in scope if d != "Operations"})
s_emp = call(LB, "POST", f"/api/campaigns/{cid}/responses", token("operations-employee"),
             json.dumps({"answers": ans, "comment": "operations comment"}), headers={"Idempotency-Key": str(uuid.uuid4())})[0]
check(codes.count(201) == len(links) and s_emp == 201,
      f"{len(links)} customer answers + 1 employee answer through the balancer: {codes.count(201) + (s_emp == 201)} stored (201) in {time.time() - t0:.1f} s")
time.sleep(1)
per_node = {}
with open(args.access_log, "rb") as f:
    f.seek(log_start)
    for line in f.read().decode().splitlines():
        m = re.match(r'(\S+) (\d+) "(\S+) (\S+)', line)
        if m and m.group(3) == "POST" and (m.group(4).startswith("/api/survey/") or m.group(4).endswith("/responses")):
            per_node[m.group(1)] = per_node.get(m.group(1), 0) + 1
node_a, node_b = urllib.parse.urlparse(A).netloc, urllib.parse.urlparse(B).netloc
check(per_node.get(node_a, 0) > 0 and per_node.get(node_b, 0) > 0 and sum(per_node.values()) == len(links) + 1,
      f"both nodes took answers (balancer access log, by upstream): {per_node}")
fa = get_json(A, f"/api/campaigns/{cid}/aggregates", token("admin"))
check(fa["customers"] == len(links) and fa["employees"] == 1, f"counted once: {fa['customers']} customers, {fa['employees']} employee")

# ---- 2. import through node A while both nodes drain ----
N = args.rows
base_count = fa["employees"] + fa["customers"]
cols = emp + [c for c in cus if c not in emp]
lines = [",".join(["respondent_id", "population", "department"] + cols + ["collab." + d for d in scope])]
for i in range(N):
    e = rnd.random() < 0.6
    d = rnd.choice(scope) if e or rnd.random() < 0.5 else ""
    vals = [str(rnd.randint(1, 5)) if ((c in emp) if e else (c in cus)) else "" for c in cols]
    col = [str(rnd.randint(1, 5)) if e and x != d else "" for x in scope]
    lines.append(",".join([f"r{i}", "employee" if e else "customer", d] + vals + col))
csv = "\r\n".join(lines) + "\r\n"
stop = False
seen = {A: [], B: []}
errors = []


def reader(base):
    while not stop:
        s, h, b = call(base, "GET", f"/api/campaigns/{cid}/aggregates", token("admin"))
        if s != 200:
            errors.append((base, s, b[:200]))
            continue
        f = json.loads(b)
        seen[base].append((f["version"], f["employees"] + f["customers"]))
        time.sleep(0.02)


threads = [threading.Thread(target=reader, args=(x,), daemon=True) for x in (A, B, A, B)]
for t in threads:
    t.start()
t0 = time.time()
s, h, b = call(A, "POST", f"/api/campaigns/{cid}/imports?mode=REJECT_ALL", token("admin"), csv, "text/csv")
assert s == 202, b
import_loc = urllib.parse.urlparse(h["Location"]).path
while True:
    st = get_json(A, import_loc, token("admin"))
    if st["status"] in ("COMPLETED", "FAILED", "STOPPED"):
        break
    time.sleep(0.5)
import_s = time.time() - t0
time.sleep(2)
stop = True
for t in threads:
    t.join()
check(st["status"] == "COMPLETED" and st["importedRows"] == N, f"import through A: {st['status']}, {st['importedRows']} rows in {import_s:.1f} s")
for base in (A, B):
    v = seen[base]
    counts = [c for _, c in v]
    check(len(v) > 0 and max(counts) <= base_count + N,
          f"{base}: {len(v)} aggregate reads while importing, at most {max(counts) if counts else None} counted (<= {base_count + N}), {len(set(x for x, _ in v))} versions seen")
check(not errors, f"reads failed: {len(errors)} {errors[:2]}")
fa = get_json(A, f"/api/campaigns/{cid}/aggregates", token("admin"))
fb = get_json(B, f"/api/campaigns/{cid}/aggregates", token("admin"))
check(fa["employees"] + fa["customers"] == base_count + N and fa["digest"] == fb["digest"],
      f"after the import: A counts {fa['employees'] + fa['customers']} (v{fa['version']}, {fa['digest'][:12]}), B {fb['employees'] + fb['customers']} (v{fb['version']}, {fb['digest'][:12]})")

# ---- 3. rebuild through B while employees answer through A ----
s, h, b = call(B, "POST", f"/api/campaigns/{cid}/aggregates/rebuild", token("admin"), "")
assert s == 202, b
rebuild_loc = urllib.parse.urlparse(h["Location"]).path
s2 = call(A, "POST", f"/api/campaigns/{cid}/aggregates/rebuild", token("admin"), "")[0]
check(s2 == 409, f"a second rebuild through A while B's runs: {s2} (409 expected)")
answered = 0
for u, own in (("sales-employee", "Sales"), ("finance-employee", "Finance"), ("marketing-employee", "Marketing")):
    ans = {i: rnd.randint(1, 5) for i in emp}
    ans.update({"collab." + d: 3 for d in scope if d != own})
    s = call(A, "POST", f"/api/campaigns/{cid}/responses", token(u), json.dumps({"answers": ans, "comment": own + " comment"}),
             headers={"Idempotency-Key": str(uuid.uuid4())})[0]
    answered += s == 201
# the rebuild's status lives in B's job repository: read it on A
s_other, _, b_other = call(A, "GET", rebuild_loc, token("admin"))
note(f"rebuild status {rebuild_loc} (started on B) read on A: {s_other} {b_other[:120]}")
while True:
    st = get_json(B, rebuild_loc, token("admin"))
    if st["state"] in ("COMPLETED", "FAILED", "STOPPED"):
        break
    time.sleep(0.3)
check(st["state"] == "COMPLETED", f"rebuild through B: {st}")
total = base_count + N + answered
fa = get_json(A, f"/api/campaigns/{cid}/aggregates", token("admin"))
fb = get_json(B, f"/api/campaigns/{cid}/aggregates", token("admin"))
check(answered == 3 and fa["employees"] + fa["customers"] == total == fb["employees"] + fb["customers"] and fa["digest"] == fb["digest"],
      f"after the rebuild: {answered} answered during it; A {fa['employees'] + fa['customers']}, B {fb['employees'] + fb['customers']} (expected {total}), digests equal {fa['digest'] == fb['digest']}")
s, h, b = call(A, "POST", f"/api/campaigns/{cid}/aggregates/rebuild", token("admin"), "")
loc2 = urllib.parse.urlparse(h["Location"]).path
while get_json(A, loc2, token("admin"))["state"] not in ("COMPLETED", "FAILED", "STOPPED"):
    time.sleep(0.3)
fc = get_json(B, f"/api/campaigns/{cid}/aggregates", token("admin"))
check(fc["digest"] == fa["digest"], f"another rebuild through A equals the live state read on B ({fc['digest'][:12]})")
# the import's status lives in A's job repository
s_imp, _, b_imp = call(B, "GET", import_loc, token("admin"))
note(f"import status {import_loc} (started on A) read on B: {s_imp} {b_imp[:120]}")

# ---- 4. reports from each node ----
# A reads (and caches) the report while the campaign is open; B reads it only after the close
for p in ("/report", "/report/departments", "/report/comments"):
    get_json(A, f"/api/campaigns/{cid}{p}", token("admin"))
assert call(LB, "POST", f"/api/campaigns/{cid}/close", token("admin"), "")[0] == 200


def diff(x, y, path="$", out=None):
    out = [] if out is None else out
    if type(x) != type(y):
        out.append(f"{path}: {str(x)[:60]} != {str(y)[:60]}")
    elif isinstance(x, dict):
        for k in sorted(set(x) | set(y)):
            if k not in x or k not in y:
                out.append(f"{path}.{k}: only on one node")
            else:
                diff(x[k], y[k], f"{path}.{k}", out)
    elif isinstance(x, list):
        if len(x) != len(y):
            out.append(f"{path}: {len(x)} != {len(y)} elements")
        for i, (p, q) in enumerate(zip(x, y)):
            diff(p, q, f"{path}[{i}]", out)
    elif x != y:
        out.append(f"{path}: {str(x)[:60]} != {str(y)[:60]}")
    return out


def comments(base, tok):
    pages, after = [], 0
    while after is not None:
        doc = get_json(base, f"/api/campaigns/{cid}/report/comments?limit=40&after={after}", tok)
        pages.append(doc)
        after = doc["page"]["next"]
    return pages


paths = ["/report", "/report/departments", "/report/heatmap", "/report/network", "/report/gap",
         "/report/maturity", "/report/verdict", "/report/trend"] + [f"/report/departments/{depts[d]}" for d in scope]
for who in ("admin", "sales-head"):
    tok = token("admin") if who == "admin" else token(who)
    extra = ["/aggregates", "/export/report.json", "/export/codebook.json"] if who == "admin" else []
    same = 0
    for p in paths + extra + ["/response-rates"]:
        x = get_json(A, f"/api/campaigns/{cid}{p}", tok)
        y = get_json(B, f"/api/campaigns/{cid}{p}", tok)
        d = diff(x, y)
        check(not d, f"{who} {p}: identical on A and B" + ("" if not d else f" -- {d[:3]}"))
        same += not d
    ca, cb = comments(A, tok), comments(B, tok)
    n_comments = sum(len(g.get("comments", [])) for pg in ca for g in pg["groups"])
    d = diff(ca, cb)
    check(not d and n_comments > 0, f"{who} /report/comments: {len(ca)} pages, {n_comments} comments, identical on A and B" + ("" if not d else f" -- {d[:3]}"))
sa = call(A, "GET", f"/api/campaigns/{cid}/export/responses.csv", token("admin"), headers={"Accept": "text/csv"})
sb = call(B, "GET", f"/api/campaigns/{cid}/export/responses.csv", token("admin"), headers={"Accept": "text/csv"})
rows_a = sorted(l.split(",", 1)[1] for l in sa[2].splitlines()[1:])
rows_b = sorted(l.split(",", 1)[1] for l in sb[2].splitlines()[1:])
check(sa[0] == sb[0] == 200 and rows_a == rows_b and sa[2].splitlines()[0] == sb[2].splitlines()[0] and len(rows_a) == total,
      f"/export/responses.csv: {len(rows_a)} rows, identical on A and B apart from respondent ids and row order")

# ---- 5. browser sessions ----
if args.keycloak:
    kc = args.keycloak
    d = urllib.parse.urlencode({"grant_type": "password", "client_id": "admin-cli", "username": "kc-admin", "password": "kc-admin"}).encode()
    kt = json.load(urllib.request.urlopen(kc + "/realms/master/protocol/openid-connect/token", d))["access_token"]
    clients = get_json(kc, "/admin/realms/cx-align/clients?clientId=cx-align-web", kt)
    web = clients[0]
    web["redirectUris"] = sorted(set(web.get("redirectUris", []) + [u + "/*" for u in (LB, A, B)]))
    s = call(kc, "PUT", f"/admin/realms/cx-align/clients/{web['id']}", kt, json.dumps(web))[0]
    assert s == 204, s

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    class LoopbackJar(http.cookiejar.CookieJar):
        """Sends Secure cookies over http to 127.0.0.1, as browsers do for loopback (Keycloak's
        login cookies are Secure)."""

        def set_cookie(self, cookie):
            cookie.secure = False
            super().set_cookie(cookie)

    def browser():
        jar = LoopbackJar()
        return (urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)),
                urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect), jar)

    def fetch(opener, url, data=None, accept="text/html"):
        try:
            with opener.open(urllib.request.Request(url, data=data, headers={"Accept": accept}), timeout=60) as r:
                return r.status, r.geturl(), r.read().decode("utf-8", "replace"), r.headers
        except urllib.error.HTTPError as e:
            return e.code, e.geturl(), e.read().decode("utf-8", "replace"), e.headers

    def sign_in(base):
        """A browser signing in as sales-head on base/app/ (following redirects)."""
        follow, plain, jar = browser()
        s, url, html, _ = fetch(follow, base + "/app/")
        m = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', html)
        if not m:
            return follow, plain, f"no login form ({s} {url[:60]})"
        action = m.group(1).replace("&amp;", "&")
        s, url, html, _ = fetch(follow, action, urllib.parse.urlencode({"username": "sales-head", "password": "sales-head"}).encode())
        return follow, plain, f"{s} at {urllib.parse.urlparse(url).netloc}{urllib.parse.urlparse(url).path}"

    def me(plain, base):
        return fetch(plain, base + "/api/me", accept="application/json")[0]

    follow, plain, res = sign_in(A)
    me_a, me_b, me_a2 = me(plain, A), me(plain, B), me(plain, A)
    check(me_a == 200 and me_a2 == 200, f"a browser signed in on A ({res}): its session cookie on A's /api/me: {me_a}, again after trying B: {me_a2}")
    note(f"the same session cookie on B's /api/me: {me_b} (B does not know A's sessions)")
    s_page = fetch(follow, B + "/app/")[0]
    me_a3, me_b3 = me(plain, A), me(plain, B)
    note(f"the browser then opens a page on B: {s_page} (signed in again silently through Keycloak's single sign-on); now /api/me on A: {me_a3}, on B: {me_b3} (one host, one JSESSIONID cookie: B's session replaced A's)")
    outcomes = []
    calls = []
    for _ in range(4):
        follow, plain, res = sign_in(LB)
        outcomes.append(res)
        calls.append(sum(me(plain, LB) == 200 for _ in range(6)))
    note(f"sign-in through the round-robin balancer, 4 browsers: {outcomes}; then 6 calls of /api/me each through the balancer, answered 200: {calls}")

print(("FAILED: " + str(len(FAILS))) if FAILS else "OK: every check passed", flush=True)
sys.exit(1 if FAILS else 0)
