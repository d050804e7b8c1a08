// Overview (/app/) and My surveys (/app/surveys/): campaigns with their dashboards for admins and
// department heads, the open surveys for employees.
import { api, el, say, describe } from "/assets/lib.js";
import { shell, ROLE } from "/assets/shell.js";

function cell(text) {
  return el("td", { text });
}

async function campaigns(user) {
  const section = document.getElementById("campaigns-section");
  if (!section) {
    return 0;
  }
  const { data } = await api("/api/campaigns");
  const body = document.querySelector("#campaigns tbody");
  const admin = user.roles.includes(ROLE.admin);
  for (const c of data.slice().reverse()) {
    const links = el("td", {},
      el("a", { href: "/app/dashboard/?campaign=" + encodeURIComponent(c.id), text: "Dashboard" }));
    if (admin) {
      links.append(" · ", el("a", { href: "/app/admin/campaign/" + encodeURIComponent(c.id), text: "Manage" }));
    }
    body.appendChild(el("tr", {},
      el("th", { scope: "row", text: c.title }),
      cell(c.status.toLowerCase()),
      cell(c.opensOn + " – " + c.closesOn),
      links));
  }
  section.hidden = false;
  return data.length;
}

async function surveys() {
  const { data } = await api("/api/campaigns/open");
  const list = document.getElementById("surveys");
  for (const c of data) {
    list.appendChild(el("li", { class: "card" },
      el("a", { href: "/app/survey/" + encodeURIComponent(c.id), text: c.title }),
      el("p", { class: "muted", text: c.items.length + " questions · open until " + c.closesOn })));
  }
  if (!data.length) {
    list.appendChild(el("li", { class: "muted", text: "No survey is waiting for you." }));
  }
  document.getElementById("surveys-section").hidden = false;
  return data.length;
}

async function main() {
  const status = document.getElementById("status");
  try {
    const user = await shell();
    const parts = [];
    if (user.roles.includes(ROLE.admin) || user.roles.includes(ROLE.head)) {
      const n = await campaigns(user);
      if (document.getElementById("campaigns-section")) {
        parts.push(n + " campaigns");
      }
    }
    if (user.roles.includes(ROLE.employee)) {
      parts.push((await surveys()) + " open surveys");
    }
    say(status, parts.join(", "));
  } catch (e) {
    say(status, "Could not load: " + describe(e), "error");
  }
}

main();
