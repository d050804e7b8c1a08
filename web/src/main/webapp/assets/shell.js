// The signed-in pages' header: brand, navigation by role (from /api/me), who is signed in, sign-out.
import { api, el, clear } from "/assets/lib.js";

export const ROLE = { admin: "cx-admin", head: "department-head", employee: "employee" };

let mePromise = null;

/** The caller ({username, roles, department}), fetched once per page. */
export function me() {
  if (!mePromise) {
    mePromise = api("/api/me").then((r) => r.data);
  }
  return mePromise;
}

/** The navigation entries a user sees, in order. */
export function entries(user) {
  const roles = new Set(user.roles || []);
  const out = [];
  if (roles.has(ROLE.admin) || roles.has(ROLE.head)) {
    out.push({ id: "nav-dashboard", href: "/app/dashboard/", text: "Dashboard" });
  }
  if (roles.has(ROLE.admin)) {
    out.push({ id: "nav-admin", href: "/app/admin/", text: "Administration" });
  }
  if (roles.has(ROLE.employee)) {
    out.push({ id: "nav-surveys", href: "/app/surveys/", text: "My surveys" });
  }
  return out;
}

/** Fills <header id="shell"> and resolves to the user. */
export async function shell() {
  const header = document.getElementById("shell");
  const user = await me();
  clear(header);
  const here = location.pathname;
  const list = el("ul");
  for (const e of entries(user)) {
    const a = el("a", { id: e.id, href: e.href, text: e.text });
    if (here === e.href || (e.href !== "/app/" && here.startsWith(e.href))) {
      a.setAttribute("aria-current", "page");
    }
    list.appendChild(el("li", {}, a));
  }
  const who = user.username + (user.department ? " · " + user.department : "");
  header.append(
    el("a", { class: "brand", href: "/app/", text: "CX Align" }),
    el("nav", { id: "nav", "aria-label": "Main" }, list),
    el("span", { id: "who", class: "who", text: who }),
    el("a", { id: "signout", class: "signout", href: "/logout", text: "Sign out" }),
  );
  return user;
}
