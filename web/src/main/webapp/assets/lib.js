// Small helpers shared by every page. Text reaches the page through textContent only, never as HTML.

/** An answer of the API that was not 2xx; `problem` is the RFC 9457 body when there was one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || "The server answered " + status);
    this.status = status;
    this.problem = problem || null;
  }

  /** The problem's violations [{field, message}] (empty when none). */
  get violations() {
    return (this.problem && Array.isArray(this.problem.violations)) ? this.problem.violations : [];
  }
}

/**
 * Calls the API. `body` (an object) is sent as JSON, a string as is (with `type`).
 * Resolves to {status, data, headers}; rejects with ApiError for a non-2xx answer.
 */
export async function api(path, { method = "GET", body, type, headers = {} } = {}) {
  const init = { method, credentials: "same-origin", headers: { Accept: "application/json", ...headers } };
  if (body !== undefined) {
    if (typeof body === "string" || body instanceof Blob) {
      init.body = body;
      init.headers["Content-Type"] = type || "text/plain";
    } else {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
  }
  const res = await fetch(path, init);
  const text = await res.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (e) {
      data = text;
    }
  }
  if (!res.ok) {
    throw new ApiError(res.status, data && typeof data === "object" ? data : null);
  }
  return { status: res.status, data, headers: res.headers };
}

/**
 * Creates an element. `props`: attributes (strings), `class`, `text` (textContent), `on` ({event: fn}),
 * boolean properties (hidden, disabled, checked, required). Children: nodes or strings (as text).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (k === "text") {
      node.textContent = String(v);
    } else if (k === "on") {
      for (const [event, fn] of Object.entries(v)) {
        node.addEventListener(event, fn);
      }
    } else if (k === "class") {
      node.className = v;
    } else if (v === true) {
      if (k in node) {
        node[k] = true;
      } else {
        node.setAttribute(k, "");
      }
    } else {
      node.setAttribute(k, String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) {
      continue;
    }
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

/** Removes every child of a node. */
export function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  return node;
}

/** A random version-4 UUID (crypto.getRandomValues works outside secure contexts too). */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
}

/** The value of a query parameter of this page's URL, or null. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/**
 * The id a page is about: the query parameter `name`, or else the number ending the path
 * (/app/survey/12 — the form that survives the sign-in round trip).
 */
export function pageId(name) {
  const q = param(name);
  if (q) {
    return q;
  }
  const m = /\/([0-9]+)\/?$/.exec(location.pathname);
  return m ? m[1] : null;
}

/** Shows a message in a status element (role=status or alert); `kind` = "error" | "ok" | "". */
export function say(node, text, kind = "") {
  node.textContent = text;
  node.classList.toggle("error", kind === "error");
  node.classList.toggle("ok", kind === "ok");
  node.hidden = !text;
}

/** Human text for an ApiError or any error. */
export function describe(e) {
  if (e instanceof ApiError) {
    const v = e.violations.map((x) => x.field + ": " + x.message);
    return e.message + (v.length ? " (" + v.join("; ") + ")" : "");
  }
  return e && e.message ? e.message : String(e);
}

/** Today as yyyy-mm-dd in UTC (the server's campaign dates are UTC days). */
export function isoDay(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return d.toISOString().slice(0, 10);
}
