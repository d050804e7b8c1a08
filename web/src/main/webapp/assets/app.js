// Overview page: who is signed in, and the departments. Text only (textContent), never HTML.
"use strict";

async function getJson(path) {
  const res = await fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!res.ok) {
    throw new Error(path + " answered " + res.status);
  }
  return res.json();
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text;
  row.appendChild(td);
}

async function main() {
  const status = document.getElementById("status");
  try {
    const me = await getJson("/api/me");
    document.getElementById("who").textContent =
      me.username + " (" + me.roles.join(", ") + (me.department ? ", " + me.department : "") + ")";
    const departments = await getJson("/api/departments");
    const body = document.querySelector("#departments tbody");
    for (const d of departments) {
      const row = document.createElement("tr");
      cell(row, d.name);
      cell(row, d.headcount == null ? "—" : String(d.headcount));
      body.appendChild(row);
    }
    document.getElementById("departments").hidden = false;
    status.textContent = departments.length + " departments";
  } catch (e) {
    status.textContent = "Could not load: " + e.message;
  }
}

document.addEventListener("DOMContentLoaded", main);
