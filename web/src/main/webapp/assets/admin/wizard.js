// The campaign wizard: instrument, audiences, departments, dates, k, transparency, wave. The
// server validates; its violations are shown next to their fields.
import { api, el, say, describe, isoDay, ApiError } from "/assets/lib.js";
import { shell } from "/assets/shell.js";

const FIELDS = ["title", "instrumentId", "wave", "audiences", "departmentIds", "opensOn", "closesOn",
  "anonymityThreshold", "transparency"];

function clearErrors() {
  for (const f of FIELDS) {
    const e = document.getElementById("err-" + f);
    e.hidden = true;
    e.textContent = "";
    const input = document.getElementById(f);
    if (input) {
      input.removeAttribute("aria-invalid");
    }
  }
  say(document.getElementById("error-summary"), "");
}

function showErrors(e) {
  const summary = document.getElementById("error-summary");
  const general = [];
  let first = null;
  for (const v of e instanceof ApiError ? e.violations : []) {
    const field = String(v.field || "").replace(/\[\d+\]$/, "");
    const target = document.getElementById("err-" + field);
    if (target) {
      target.textContent = v.message;
      target.hidden = false;
      const input = document.getElementById(field);
      if (input && (input.tagName === "INPUT" || input.tagName === "SELECT")) {
        input.setAttribute("aria-invalid", "true");
      }
      first = first || (input && input.tagName !== "FIELDSET" ? input : document.querySelector("#" + field + " input"));
    } else {
      general.push((v.field ? v.field + ": " : "") + v.message);
    }
  }
  say(summary, [e.message, ...general].join(" "), "error");
  (first || summary).focus();
}

async function main() {
  const status = document.getElementById("status");
  try {
    await shell();
    const [instruments, departments] = await Promise.all([api("/api/instruments"), api("/api/departments")]);
    const select = document.getElementById("instrumentId");
    for (const i of instruments.data) {
      select.appendChild(el("option", { value: String(i.id), text: i.title + " (" + i.key + " v" + i.version + ", " + i.status.toLowerCase() + ")" }));
    }
    const list = document.getElementById("department-list");
    for (const d of departments.data) {
      const id = "dep-" + d.id;
      list.appendChild(el("div", {}, el("input", { type: "checkbox", id, value: String(d.id), class: "dep" }), " ",
        el("label", { for: id, text: d.name })));
    }
    document.getElementById("all-departments").addEventListener("click", () => {
      list.querySelectorAll("input.dep").forEach((c) => { c.checked = true; });
    });
    document.getElementById("opensOn").value = isoDay(0);
    document.getElementById("closesOn").value = isoDay(14);
    const form = document.getElementById("wizard");
    form.hidden = false;
    say(status, "");
    let busy = false;
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (busy) {
        return;
      }
      busy = true;
      clearErrors();
      const k = document.getElementById("anonymityThreshold").value;
      const body = {
        title: document.getElementById("title").value,
        instrumentId: select.value ? Number(select.value) : null,
        departmentIds: Array.from(list.querySelectorAll("input.dep:checked"), (c) => Number(c.value)),
        audiences: Array.from(document.querySelectorAll("#audiences input:checked"), (c) => c.value),
        opensOn: document.getElementById("opensOn").value || null,
        closesOn: document.getElementById("closesOn").value || null,
        anonymityThreshold: k === "" ? null : Number(k),
        transparency: document.querySelector("input[name=transparency]:checked").value,
        wave: document.getElementById("wave").value.trim() || null,
      };
      try {
        const r = await api("/api/campaigns", { method: "POST", body });
        location.assign("/app/admin/campaign/" + r.data.id);
      } catch (e) {
        showErrors(e);
      } finally {
        busy = false;
      }
    });
  } catch (e) {
    say(status, "Could not load: " + describe(e), "error");
  }
}

main();
