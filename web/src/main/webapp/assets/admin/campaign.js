// One campaign for cx-admin: open/close, live response rates (polled), customer invitations,
// response import with progress, exports, comments. Every name and comment is shown as text.
import { api, el, clear, say, describe, pageId, ApiError } from "/assets/lib.js";
import { shell } from "/assets/shell.js";

const POLL_MS = 3000;
const id = Number(pageId("id"));
const base = "/api/campaigns/" + id;
let campaign = null;
let timer = null;

function facts(c) {
  const dl = clear(document.getElementById("facts"));
  const add = (k, v) => dl.append(el("dt", { text: k }), el("dd", { text: v }));
  add("Status", c.status.toLowerCase());
  add("Instrument", c.instrumentKey + " v" + c.instrumentVersion);
  add("Audiences", c.audiences.map((a) => a.toLowerCase()).join(", "));
  add("Departments", c.departments.join(", "));
  add("Dates", c.opensOn + " – " + c.closesOn);
  add("Anonymity threshold k", String(c.anonymityThreshold));
  add("Heads see", c.transparency === "ALL_DEPARTMENTS" ? "every department" : "their own department");
  if (c.wave) {
    add("Wave", c.wave);
  }
}

function show(c) {
  campaign = c;
  document.getElementById("title").textContent = c.title;
  document.title = "CX Align — " + c.title;
  facts(c);
  document.getElementById("open").hidden = c.status !== "DRAFT";
  document.getElementById("close").hidden = c.status !== "OPEN";
  document.getElementById("dashboard").href = "/app/dashboard/?campaign=" + c.id;
  document.getElementById("invitations").hidden = !(c.audiences.includes("CUSTOMERS") && c.status === "OPEN");
  document.getElementById("campaign").hidden = false;
}

async function rates() {
  const { data } = await api(base + "/response-rates");
  const body = clear(document.querySelector("#rates tbody"));
  for (const r of data) {
    const pct = r.rate == null ? "—" : Math.round(r.rate * 1000) / 10 + " %";
    const rate = el("td", { class: "meter" });
    if (r.rate != null) {
      rate.appendChild(el("progress", { max: "1", value: String(Math.min(1, r.rate)), "aria-hidden": "true" }));
    }
    rate.appendChild(el("span", { text: pct }));
    body.appendChild(el("tr", { "data-department": r.department, "data-audience": r.audience },
      el("th", { scope: "row", text: r.department == null ? "(no department)" : r.department }),
      el("td", { text: r.audience.toLowerCase() }),
      el("td", { class: "responses", text: String(r.responses) }),
      el("td", { text: r.base == null ? "—" : String(r.base) }),
      rate));
  }
  document.getElementById("rates-updated").textContent = "Updated " + new Date().toLocaleTimeString() +
    (campaign && campaign.status === "OPEN" ? " · refreshed every " + POLL_MS / 1000 + " seconds" : "");
}

function poll() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (!document.hidden) {
      try {
        await rates();
      } catch (e) {
        document.getElementById("rates-updated").textContent = "Could not refresh: " + describe(e);
      }
    }
    if (campaign && campaign.status === "OPEN") {
      poll();
    }
  }, POLL_MS);
}

function wireActions() {
  const msg = document.getElementById("action-status");
  document.getElementById("open").addEventListener("click", async () => {
    try {
      show((await api(base + "/open", { method: "POST" })).data);
      say(msg, "The campaign is open.", "ok");
      await rates();
      poll();
    } catch (e) {
      say(msg, "Could not open: " + describe(e), "error");
    }
  });
  const close = document.getElementById("close");
  close.addEventListener("click", async () => {
    if (close.dataset.armed !== "yes") {
      close.dataset.armed = "yes";
      close.textContent = "Confirm: close now";
      return;
    }
    try {
      show((await api(base + "/close", { method: "POST" })).data);
      say(msg, "The campaign is closed.", "ok");
      await rates();
    } catch (e) {
      say(msg, "Could not close: " + describe(e), "error");
    } finally {
      close.dataset.armed = "";
      close.textContent = "Close campaign";
    }
  });
}

function wireInvitations(departments) {
  const select = document.getElementById("inv-department");
  for (const d of departments) {
    select.appendChild(el("option", { value: String(d.id), text: d.name }));
  }
  const result = document.getElementById("invite-result");
  document.getElementById("invite").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clear(result);
    const dep = select.value ? Number(select.value) : null;
    const emails = document.getElementById("emails").value.split(/[\s,;]+/).filter(Boolean)
      .map((email) => ({ email, departmentId: dep }));
    const anon = document.getElementById("anonymous").value;
    const days = document.getElementById("valid-days").value;
    const body = { emails, anonymousLinks: anon === "" ? 0 : Number(anon) };
    if (days !== "") {
      body.validDays = Number(days);
    }
    try {
      const { data } = await api(base + "/invitations", { method: "POST", body });
      result.appendChild(el("p", { class: "ok", text: data.emailed + " e-mailed, " + data.links.length + " anonymous links created." }));
      if (data.links.length) {
        result.appendChild(el("ul", { class: "links" }, data.links.map((l) => el("li", { text: l }))));
      }
      document.getElementById("emails").value = "";
    } catch (e) {
      result.appendChild(el("p", { class: "error", text: e.message }));
      if (e instanceof ApiError && e.violations.length) {
        result.appendChild(el("ul", { class: "error" }, e.violations.map((v) => el("li", { text: v.field + ": " + v.message }))));
      }
    }
  });
  document.getElementById("remind").addEventListener("click", async () => {
    clear(result);
    try {
      const { data } = await api(base + "/invitations/reminders", { method: "POST" });
      result.appendChild(el("p", { class: "ok", text: Object.values(data)[0] + " reminders sent." }));
    } catch (e) {
      result.appendChild(el("p", { class: "error", text: describe(e) }));
    }
  });
}

const FINISHED = new Set(["COMPLETED", "FAILED", "STOPPED", "ABANDONED"]);

function wireImport() {
  const form = document.getElementById("import");
  const result = document.getElementById("import-result");
  const meter = document.getElementById("import-meter");
  const bar = document.getElementById("import-progress");
  const label = document.getElementById("import-label");
  const button = document.getElementById("import-button");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clear(result);
    const file = document.getElementById("import-file");
    const csv = file.files && file.files[0] ? await file.files[0].text() : document.getElementById("import-text").value;
    const rows = Math.max(0, csv.split(/\r?\n/).filter((l) => l.trim()).length - 1);
    if (!rows) {
      result.appendChild(el("p", { class: "error", text: "Choose a file or paste CSV with a header and at least one row." }));
      return;
    }
    button.disabled = true;
    meter.hidden = false;
    bar.value = 0;
    label.textContent = "Uploading " + rows + " rows…";
    try {
      const mode = document.getElementById("import-mode").value;
      const { data } = await api(base + "/imports?mode=" + encodeURIComponent(mode), { method: "POST", body: csv, type: "text/csv" });
      let s;
      for (;;) {
        s = (await api(base + "/imports/" + data.executionId)).data;
        bar.value = Math.min(1, (s.checkedRows + s.importedRows) / (2 * rows));
        label.textContent = "Checked " + s.checkedRows + " of " + rows + " rows, imported " + s.importedRows;
        if (FINISHED.has(s.status)) {
          break;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      if (s.status === "COMPLETED" && s.exitStatus !== "REJECTED") {
        bar.value = 1;
        result.appendChild(el("p", { class: "ok", text: "Imported " + s.importedRows + " rows." }));
      } else {
        result.appendChild(el("p", { class: "error", text: "Import " + (s.exitStatus === "REJECTED" ? "rejected" : s.status.toLowerCase()) + ": nothing stored from this file." }));
      }
      if (s.problems && s.problems.length) {
        result.appendChild(el("ul", { class: "error" }, s.problems.map((p) => el("li", { text: "Line " + p.line + (p.column ? ", " + p.column : "") + ": " + p.message }))));
      }
      await rates();
    } catch (e) {
      result.appendChild(el("p", { class: "error", text: describe(e) }));
    } finally {
      button.disabled = false;
    }
  });
}

function exports() {
  const list = document.getElementById("exports");
  const add = (path, text) => list.appendChild(el("li", {}, el("a", { href: base + path, download: "", text })));
  add("/export/responses.csv", "Responses (CSV, the cx-align report format)");
  add("/export/codebook.json", "Codebook (JSON)");
  add("/export/report.json", "Every report figure (JSON)");
}

function wireComments() {
  const button = document.getElementById("load-comments");
  const root = document.getElementById("comments");
  button.addEventListener("click", async () => {
    clear(root);
    try {
      const { data } = await api(base + "/report/comments");
      let shown = 0;
      for (const g of data.groups || []) {
        const who = (g.population === "customer" ? "Customers" : "Employees") + (g.department ? " · " + g.department : "");
        if (g.suppressed) {
          root.appendChild(el("p", { class: "muted", text: who + ": hidden (" + g.reason + ")" }));
          continue;
        }
        root.appendChild(el("h3", { text: who + " (" + g.n + " respondents)" }));
        root.appendChild(el("ul", { class: "comment-list" }, (g.comments || []).map((c) => el("li", { text: c }))));
        shown += (g.comments || []).length;
      }
      const more = data.page && data.page.next != null ? " (the first page; more through the API with ?after=" + data.page.next + ")" : "";
      root.appendChild(el("p", { id: "comments-count", class: "hint", text: shown + " comments shown" + more }));
    } catch (e) {
      root.appendChild(el("p", { class: "error", text: "Comments are not available: " + describe(e) }));
    }
  });
}

async function main() {
  const status = document.getElementById("status");
  try {
    await shell();
    const [c, departments] = await Promise.all([api(base), api("/api/departments")]);
    show(c.data);
    wireActions();
    wireInvitations(departments.data);
    wireImport();
    exports();
    wireComments();
    await rates();
    say(status, "");
    if (campaign.status === "OPEN") {
      poll();
    }
  } catch (e) {
    say(status, "Could not load the campaign: " + describe(e), "error");
  }
}

main();
