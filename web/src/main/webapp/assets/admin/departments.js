// Departments: list, add, rename / headcount, delete, CSV import. Names are shown as text only.
import { api, el, clear, say, describe, ApiError } from "/assets/lib.js";
import { shell } from "/assets/shell.js";

const status = () => document.getElementById("status");

function row(d) {
  const tr = el("tr", { "data-id": String(d.id) });
  const name = el("th", { scope: "row", class: "dept-name", text: d.name });
  const head = el("td", { text: d.headcount == null ? "—" : String(d.headcount) });
  const edit = el("button", { type: "button", class: "secondary", text: "Edit", "aria-label": "Edit " + d.name });
  const del = el("button", { type: "button", class: "danger", text: "Delete", "aria-label": "Delete " + d.name });
  edit.addEventListener("click", () => editRow(tr, d));
  del.addEventListener("click", async () => {
    if (del.dataset.armed !== "yes") {
      del.dataset.armed = "yes";
      del.textContent = "Confirm delete";
      del.focus();
      return;
    }
    try {
      await api("/api/departments/" + d.id, { method: "DELETE" });
      say(status(), "Deleted " + d.name, "ok");
      await load();
    } catch (e) {
      say(status(), "Could not delete " + d.name + ": " + describe(e), "error");
      del.dataset.armed = "";
      del.textContent = "Delete";
    }
  });
  tr.append(name, head, el("td", {}, edit, " ", del));
  return tr;
}

function editRow(tr, d) {
  clear(tr);
  const nameId = "edit-name-" + d.id;
  const headId = "edit-head-" + d.id;
  const errId = "edit-err-" + d.id;
  const name = el("input", { type: "text", id: nameId, maxlength: "200", "aria-describedby": errId });
  name.value = d.name;
  const head = el("input", { type: "number", id: headId, min: "0" });
  head.value = d.headcount == null ? "" : String(d.headcount);
  const err = el("p", { id: errId, class: "field-error", hidden: true });
  const save = el("button", { type: "button", text: "Save" });
  const cancel = el("button", { type: "button", class: "secondary", text: "Cancel" });
  cancel.addEventListener("click", () => load());
  save.addEventListener("click", async () => {
    try {
      const body = { name: name.value, headcount: head.value === "" ? null : Number(head.value) };
      await api("/api/departments/" + d.id, { method: "PUT", body });
      say(status(), "Saved " + name.value, "ok");
      await load();
    } catch (e) {
      say(err, describe(e), "error");
      name.focus();
    }
  });
  tr.append(
    el("td", {}, el("label", { for: nameId, class: "sr-only", text: "Name" }), name),
    el("td", {}, el("label", { for: headId, class: "sr-only", text: "Headcount" }), head),
    el("td", {}, save, " ", cancel, err));
  name.focus();
}

async function load() {
  const { data } = await api("/api/departments");
  const body = clear(document.querySelector("#departments tbody"));
  for (const d of data) {
    body.appendChild(row(d));
  }
  return data;
}

function wireAdd() {
  const form = document.getElementById("add");
  const name = document.getElementById("add-name");
  const head = document.getElementById("add-headcount");
  const err = document.getElementById("add-error");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    say(err, "");
    name.removeAttribute("aria-invalid");
    try {
      const body = { name: name.value, headcount: head.value === "" ? null : Number(head.value) };
      await api("/api/departments", { method: "POST", body });
      say(status(), "Added " + name.value, "ok");
      name.value = "";
      head.value = "";
      await load();
    } catch (e) {
      say(err, describe(e), "error");
      name.setAttribute("aria-invalid", "true");
      name.focus();
    }
  });
}

function wireImport() {
  const form = document.getElementById("import");
  const file = document.getElementById("import-file");
  const text = document.getElementById("import-text");
  const result = document.getElementById("import-result");
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clear(result);
    const csv = file.files && file.files[0] ? await file.files[0].text() : text.value;
    if (!csv.trim()) {
      result.appendChild(el("p", { class: "error", text: "Choose a file or paste CSV first." }));
      return;
    }
    try {
      const { data } = await api("/api/departments/import", { method: "POST", body: csv, type: "text/csv" });
      const created = data.created || [];
      const existing = data.existing || [];
      result.appendChild(el("p", { class: "ok", text: "Imported: " + created.length + " created, " + existing.length + " existing." }));
      text.value = "";
      file.value = "";
      await load();
    } catch (e) {
      result.appendChild(el("p", { class: "error", text: e.message }));
      if (e instanceof ApiError && e.violations.length) {
        result.appendChild(el("ul", { class: "error" }, e.violations.map((v) => el("li", { text: v.field + ": " + v.message }))));
      }
    }
  });
}

async function main() {
  try {
    wireAdd();
    wireImport();
    await shell();
    const data = await load();
    say(status(), data.length + " departments");
  } catch (e) {
    say(status(), "Could not load: " + describe(e), "error");
  }
}

main();
