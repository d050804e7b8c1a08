#!/usr/bin/env python3
# Usage: two nodes of the same build on one PostgreSQL database (A on :8580, B on :8680) and
# Keycloak on :8380 (edit KC, A, B below); python3 tools/two-nodes.py
# Two WildFly nodes on one PostgreSQL database: an import through node A while clients read the
# aggregate on both nodes (each read drains), a rebuild through node B while employees answer
# through node A; checks totals, no double counting, equal digests on both nodes.
import json, urllib.request, urllib.parse, threading, time, random, uuid, datetime, sys
KC = "http://127.0.0.1:8380/realms/cx-align/protocol/openid-connect/token"
A, B = "http://127.0.0.1:8580", "http://127.0.0.1:8680"
def token(u):
    d = urllib.parse.urlencode({"grant_type": "password", "client_id": "cx-cli", "username": u, "password": u}).encode()
    return json.load(urllib.request.urlopen(KC, d))["access_token"]
def call(base, method, path, tok, body=None, ctype="application/json", headers=None):
    req = urllib.request.Request(base + path, method=method, data=body.encode() if body is not None else None)
    req.add_header("Authorization", "Bearer " + tok); req.add_header("Accept", "application/json")
    if body is not None: req.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items(): req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()
adm = token("admin")
depts = {d["name"]: d["id"] for d in json.loads(call(A, "GET", "/api/departments", adm)[2])}
inst = [i for i in json.loads(call(A, "GET", "/api/instruments", adm)[2]) if i.get("builtIn")][0]["id"]
items = json.loads(call(A, "GET", f"/api/instruments/{inst}", adm)[2])["definition"]["items"]
emp = [i["id"] for i in items if i["model"] != "collaboration" and i["population"] != "customer"]
cus = [i["id"] for i in items if i["model"] != "collaboration" and i["population"] != "employee"]
scope = ["Sales", "Marketing", "Finance", "Operations"]
today = datetime.date.today()
s, h, b = call(A, "POST", "/api/campaigns", adm, json.dumps({"title": "Two nodes " + uuid.uuid4().hex[:8], "instrumentId": inst,
    "departmentIds": [depts[d] for d in scope], "audiences": ["EMPLOYEES", "CUSTOMERS"],
    "opensOn": str(today), "closesOn": str(today + datetime.timedelta(days=7))}))
cid = json.loads(b)["id"]; assert call(A, "POST", f"/api/campaigns/{cid}/open", adm, "")[0] == 200
N = 3000; rnd = random.Random(1)
cols = emp + [c for c in cus if c not in emp]
lines = [",".join(["respondent_id", "population", "department"] + cols + ["collab." + d for d in scope])]
for i in range(N):
    e = rnd.random() < 0.6; d = rnd.choice(scope) if e or rnd.random() < 0.5 else ""
    vals = [str(rnd.randint(1, 5)) if ((c in emp) if e else (c in cus)) else "" for c in cols]
    col = [str(rnd.randint(1, 5)) if e and x != d else "" for x in scope]
    lines.append(",".join([f"r{i}", "employee" if e else "customer", d] + vals + col))
csv = "\r\n".join(lines) + "\r\n"
stop = False; seen = {A: [], B: []}; errors = []
def reader(base):
    t = adm
    while not stop:
        s, h, b = call(base, "GET", f"/api/campaigns/{cid}/aggregates", t)
        if s != 200: errors.append((base, s, b[:200])); continue
        f = json.loads(b); seen[base].append((f["version"], f["employees"] + f["customers"]))
threads = [threading.Thread(target=reader, args=(x,)) for x in (A, B, A, B)]
for t in threads: t.start()
s, h, b = call(A, "POST", f"/api/campaigns/{cid}/imports?mode=REJECT_ALL", adm, csv, "text/csv")
assert s == 202, b
loc = urllib.parse.urlparse(h["Location"]).path
while True:
    st = json.loads(call(A, "GET", loc, adm)[2])
    if st["status"] in ("COMPLETED", "FAILED", "STOPPED"): break
    time.sleep(0.5)
print("import", st["status"], st["importedRows"])
time.sleep(2); stop = True
for t in threads: t.join()
for base in (A, B):
    v = seen[base]; counts = [c for _, c in v]
    print(base, "reads", len(v), "max count seen", max(counts), "distinct versions", len(set(x for x, _ in v)))
    assert max(counts) <= N, "double counted"
fa = json.loads(call(A, "GET", f"/api/campaigns/{cid}/aggregates", adm)[2])
fb = json.loads(call(B, "GET", f"/api/campaigns/{cid}/aggregates", adm)[2])
print("A", fa["employees"] + fa["customers"], fa["version"], fa["digest"][:16], "pending", fa["pendingOutboxRows"])
print("B", fb["employees"] + fb["customers"], fb["version"], fb["digest"][:16], "pending", fb["pendingOutboxRows"])
assert fa["employees"] + fa["customers"] == N and fa["digest"] == fb["digest"], "nodes disagree"
print("errors", errors[:3], len(errors))
# rebuild through B while employees answer through A
s, h, b = call(B, "POST", f"/api/campaigns/{cid}/aggregates/rebuild", adm, "")
assert s == 202, b
rloc = urllib.parse.urlparse(h["Location"]).path
s2 = call(A, "POST", f"/api/campaigns/{cid}/aggregates/rebuild", adm, "")[0]
print("second rebuild while running ->", s2)
answered = 0
for u, own in (("sales-employee", "Sales"), ("finance-employee", "Finance"), ("marketing-employee", "Marketing")):
    ans = {i: rnd.randint(1, 5) for i in emp}; ans.update({"collab." + d: 3 for d in scope if d != own})
    s, h, b = call(A, "POST", f"/api/campaigns/{cid}/responses", token(u), json.dumps({"answers": ans}), headers={"Idempotency-Key": str(uuid.uuid4())})
    answered += s == 201
while True:
    st = json.loads(call(B, "GET", rloc, adm)[2])
    if st["state"] in ("COMPLETED", "FAILED", "STOPPED"): break
    time.sleep(0.3)
print("rebuild", st)
fa = json.loads(call(A, "GET", f"/api/campaigns/{cid}/aggregates", adm)[2])
fb = json.loads(call(B, "GET", f"/api/campaigns/{cid}/aggregates", adm)[2])
print("after rebuild A", fa["employees"] + fa["customers"], fa["digest"][:16], "B", fb["employees"] + fb["customers"], fb["digest"][:16], "answered", answered)
assert fa["employees"] + fa["customers"] == N + answered == fb["employees"] + fb["customers"] and fa["digest"] == fb["digest"]
s, h, b = call(A, "POST", f"/api/campaigns/{cid}/aggregates/rebuild", adm, "")
rloc = urllib.parse.urlparse(h["Location"]).path
while json.loads(call(A, "GET", rloc, adm)[2])["state"] not in ("COMPLETED", "FAILED", "STOPPED"): time.sleep(0.3)
fc = json.loads(call(B, "GET", f"/api/campaigns/{cid}/aggregates", adm)[2])
print("second rebuild equals live:", fc["digest"] == fa["digest"], fc["employees"] + fc["customers"])
assert fc["digest"] == fa["digest"]
print("OK")
