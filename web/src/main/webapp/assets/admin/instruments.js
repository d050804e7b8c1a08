// Instruments: the stored versions; one version's dimensions and items (as text); copy into a
// new draft; edit a draft's definition.
import { api, el, clear, say, describe, param, ApiError } from "/assets/lib.js";
import { shell } from "/assets/shell.js";

const status = () => document.getElementById("status");

async function list() {
  const { data } = await api("/api/instruments");
  const body = document.querySelector("#instruments tbody");
  for (const i of data) {
    body.appendChild(el("tr", {},
      el("th", { scope: "row" }, el("a", { href: "?id=" + i.id, text: i.title })),
      el("td", { text: i.key }),
      el("td", { text: String(i.version) }),
      el("td", { text: i.status.toLowerCase() + (i.builtIn ? " (built in)" : "") }),
      el("td", { text: String(i.items) }),
      el("td", {}, el("a", { href: "?id=" + i.id, text: i.status === "DRAFT" ? "View / edit" : "View" }))));
  }
  document.getElementById("list").hidden = false;
  say(status(), data.length + " instrument versions");
}

function scaleText(scale) {
  return scale && scale.min !== undefined ? scale.min + "–" + scale.max : "";
}

function renderDimensions(definition) {
  const root = clear(document.getElementById("dimensions"));
  const items = Array.isArray(definition.items) ? definition.items : [];
  const dims = Array.isArray(definition.dimensions) ? definition.dimensions : [];
  const titles = new Map(dims.map((d) => [d.id, d.title || d.id]));
  const byDim = new Map();
  for (const it of items) {
    const k = it.dimension || "";
    if (!byDim.has(k)) {
      byDim.set(k, []);
    }
    byDim.get(k).push(it);
  }
  for (const [dim, list] of byDim) {
    const table = el("table", {},
      el("caption", { text: titles.get(dim) || dim || "General" }),
      el("thead", {}, el("tr", {},
        el("th", { scope: "col", text: "Item" }), el("th", { scope: "col", text: "Wording" }),
        el("th", { scope: "col", text: "Population" }), el("th", { scope: "col", text: "Scale" }))),
      el("tbody", {}, list.map((it) => el("tr", {},
        el("td", { text: it.id }), el("td", { text: it.text }),
        el("td", { text: it.population || "" }),
        el("td", { text: scaleText(it.scale || definition.scale) })))));
    root.appendChild(el("div", { class: "scroll" }, table));
  }
}

async function detail(id) {
  const { data } = await api("/api/instruments/" + encodeURIComponent(id));
  document.getElementById("title").textContent = data.title;
  document.title = "CX Align — " + data.title;
  document.getElementById("meta").textContent =
    data.key + ", version " + data.version + ", " + data.status.toLowerCase() + (data.builtIn ? " (built in)" : "");
  renderDimensions(data.definition || {});
  const copy = document.getElementById("copy");
  copy.addEventListener("click", async () => {
    try {
      const r = await api("/api/instruments/" + data.id + "/copy", { method: "POST" });
      location.assign("?id=" + r.data.id);
    } catch (e) {
      say(status(), "Could not copy: " + describe(e), "error");
    }
  });
  if (data.status === "DRAFT") {
    const form = document.getElementById("edit");
    const text = document.getElementById("definition");
    const errors = document.getElementById("edit-errors");
    text.value = JSON.stringify(data.definition, null, 2);
    form.hidden = false;
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      clear(errors);
      try {
        const r = await api("/api/instruments/" + data.id, { method: "PUT", body: text.value, type: "application/json" });
        renderDimensions(r.data.definition || {});
        errors.appendChild(el("p", { class: "ok", text: "Saved." }));
      } catch (e) {
        errors.appendChild(el("p", { class: "error", text: e.message }));
        if (e instanceof ApiError && e.violations.length) {
          errors.appendChild(el("ul", { class: "error" }, e.violations.map((v) => el("li", { text: v.field + ": " + v.message }))));
        }
        text.focus();
      }
    });
  }
  document.getElementById("detail").hidden = false;
  say(status(), "");
}

async function main() {
  try {
    await shell();
    const id = param("id");
    if (id) {
      await detail(id);
    } else {
      await list();
    }
  } catch (e) {
    say(status(), "Could not load: " + describe(e), "error");
  }
}

main();
