// Administration start page: every campaign, with links to manage it and to its dashboard.
import { api, el, say, describe } from "/assets/lib.js";
import { shell } from "/assets/shell.js";

async function main() {
  const status = document.getElementById("status");
  try {
    await shell();
    const { data } = await api("/api/campaigns");
    const body = document.querySelector("#campaigns tbody");
    for (const c of data.slice().reverse()) {
      body.appendChild(el("tr", {},
        el("th", { scope: "row" }, el("a", { href: "/app/admin/campaign/" + c.id, text: c.title })),
        el("td", { text: c.status.toLowerCase() }),
        el("td", { text: c.wave || "—" }),
        el("td", { text: c.opensOn + " – " + c.closesOn }),
        el("td", { text: String(c.anonymityThreshold) }),
        el("td", {}, el("a", { href: "/app/dashboard/?campaign=" + c.id, text: "Dashboard" }))));
    }
    say(status, data.length + " campaigns");
  } catch (e) {
    say(status, "Could not load: " + describe(e), "error");
  }
}

main();
