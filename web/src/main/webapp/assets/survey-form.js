// The survey form shared by employees (/app/survey/?campaign=<id>) and customers (their one-time link).
// Items grouped by dimension, each item a radio group (fieldset + legend); progress; the draft kept in
// sessionStorage until it is sent; the server's violations shown next to their items.
import { api, el, clear, uuid, say, ApiError } from "/assets/lib.js";

const COMMENT_MAX = 2000;

/** Groups items by dimension, keeping the order in which dimensions first appear. */
function groups(items) {
  const out = new Map();
  for (const it of items) {
    const key = it.dimension || "";
    if (!out.has(key)) {
      out.set(key, []);
    }
    out.get(key).push(it);
  }
  return out;
}

function loadDraft(key) {
  try {
    const d = JSON.parse(sessionStorage.getItem(key) || "null");
    return d && typeof d === "object" ? d : null;
  } catch (e) {
    return null;
  }
}

function saveDraft(key, draft) {
  try {
    sessionStorage.setItem(key, JSON.stringify(draft));
  } catch (e) {
    // storage full or disabled: the form still works, only the draft is not kept
  }
}

/**
 * Renders the form into `root`.
 * @param root element to fill
 * @param opts {title, intro, items, postTo, draftKey, onDone(receipt)}
 */
export function renderSurvey(root, { title, intro, items, postTo, draftKey, onDone }) {
  clear(root);
  const draft = loadDraft(draftKey) || { answers: {}, comment: "", key: uuid() };
  if (!draft.key) {
    draft.key = uuid();
  }
  const byId = new Map(items.map((it, i) => [it.id, { it, i }]));
  const required = items.filter((it) => it.required).length;

  const heading = el("h1", { id: "survey-title", tabindex: "-1", text: title });
  const progressLabel = el("span", { id: "progress-label" });
  const progress = el("progress", { id: "progress", max: String(items.length), value: "0", "aria-labelledby": "progress-label" });
  const restored = el("p", { id: "restored", class: "note", role: "status", hidden: true });
  const summary = el("div", { id: "error-summary", class: "error-summary", role: "alert", tabindex: "-1", hidden: true });
  const form = el("form", { id: "survey", novalidate: true, "aria-labelledby": "survey-title" });

  const update = () => {
    const answered = Object.keys(draft.answers).filter((k) => byId.has(k)).length;
    progress.value = answered;
    progressLabel.textContent = answered + " of " + items.length + " answered";
  };

  // Groups are headed neutrally ("Part 2 of 6"): the model's names for its dimensions would prime
  // the answers.
  const parts = groups(items);
  let part = 0;
  for (const list of parts.values()) {
    part++;
    const section = el("section", { class: "dimension", "aria-labelledby": "dim-" + part });
    section.appendChild(el("h2", { id: "dim-" + part, text: "Part " + part + " of " + parts.size }));
    for (const it of list) {
      const i = byId.get(it.id).i;
      const hintId = "hint-" + i;
      const errId = "err-" + i;
      const fs = el("fieldset", { class: "item", id: "item-" + i, "data-item": it.id, "aria-describedby": hintId });
      const legend = el("legend", {}, el("span", { class: "item-text", text: it.text }),
        it.required ? null : el("span", { class: "optional", text: " (optional)" }));
      fs.appendChild(legend);
      fs.appendChild(el("p", { id: hintId, class: "hint", text: "From " + it.min + " (strongly disagree) to " + it.max + " (strongly agree)" }));
      const scale = el("div", { class: "scale" });
      for (let v = it.min; v <= it.max; v++) {
        const id = "a-" + i + "-" + v;
        const input = el("input", { type: "radio", id, name: "item-" + i, value: String(v) });
        if (draft.answers[it.id] === v) {
          input.checked = true;
        }
        input.addEventListener("change", () => {
          draft.answers[it.id] = v;
          saveDraft(draftKey, draft);
          clearError(fs);
          update();
        });
        scale.appendChild(el("span", { class: "choice" }, input, el("label", { for: id, text: String(v) })));
      }
      fs.appendChild(scale);
      fs.appendChild(el("p", { id: errId, class: "field-error", hidden: true }));
      section.appendChild(fs);
    }
    form.appendChild(section);
  }

  const commentErr = el("p", { id: "err-comment", class: "field-error", hidden: true });
  const comment = el("textarea", { id: "comment", name: "comment", rows: "4", maxlength: String(COMMENT_MAX), "aria-describedby": "comment-hint" });
  comment.value = draft.comment || "";
  comment.addEventListener("input", () => {
    draft.comment = comment.value;
    saveDraft(draftKey, draft);
  });
  form.appendChild(el("div", { class: "comment" },
    el("label", { for: "comment", text: "Anything you want to add? (optional)" }),
    el("p", { id: "comment-hint", class: "hint", text: "Please do not name people. At most " + COMMENT_MAX + " characters." }),
    comment, commentErr));

  const send = el("button", { type: "submit", id: "send", class: "button", text: "Send answers" });
  const sending = el("p", { id: "send-status", role: "status", class: "note" });
  form.appendChild(el("div", { class: "actions" }, send, sending));

  root.append(heading, intro ? el("p", { class: "intro", text: intro }) : null,
    el("div", { class: "progress" }, progressLabel, progress), restored, summary, form);

  if (Object.keys(draft.answers).length || draft.comment) {
    say(restored, "Your unsent answers were restored.");
  }
  update();

  let busy = false;
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (busy) {
      return;
    }
    busy = true;
    send.disabled = true;
    say(sending, "Sending…");
    clearAll();
    const answers = {};
    for (const [k, v] of Object.entries(draft.answers)) {
      if (byId.has(k)) {
        answers[k] = v;
      }
    }
    const body = { answers };
    if (comment.value.trim()) {
      body.comment = comment.value;
    }
    try {
      const r = await api(postTo, { method: "POST", body, headers: { "Idempotency-Key": draft.key } });
      try {
        sessionStorage.removeItem(draftKey);
      } catch (e) {
        // nothing kept
      }
      onDone(r.data);
    } catch (e) {
      say(sending, "");
      showErrors(e);
    } finally {
      busy = false;
      send.disabled = false;
    }
  });

  function clearError(fs) {
    const err = fs.querySelector(".field-error");
    if (err && !err.hidden) {
      err.hidden = true;
      err.textContent = "";
      fs.classList.remove("invalid");
      fs.setAttribute("aria-describedby", fs.getAttribute("aria-describedby").replace(" " + err.id, ""));
    }
  }

  function clearAll() {
    form.querySelectorAll("fieldset.item").forEach(clearError);
    commentErr.hidden = true;
    comment.removeAttribute("aria-invalid");
    comment.setAttribute("aria-describedby", "comment-hint");
    say(summary, "");
  }

  function showErrors(e) {
    const general = [];
    let first = null;
    const violations = e instanceof ApiError ? e.violations : [];
    for (const v of violations) {
      const field = String(v.field || "");
      const itemId = field.startsWith("answers.") ? field.slice("answers.".length) : null;
      if (itemId && byId.has(itemId)) {
        const i = byId.get(itemId).i;
        const fs = document.getElementById("item-" + i);
        const err = document.getElementById("err-" + i);
        err.textContent = "This question " + v.message + ".";
        err.hidden = false;
        fs.classList.add("invalid");
        if (!fs.getAttribute("aria-describedby").includes(err.id)) {
          fs.setAttribute("aria-describedby", fs.getAttribute("aria-describedby") + " " + err.id);
        }
        first = first || fs.querySelector("input");
      } else if (field === "comment") {
        commentErr.textContent = "The comment " + v.message + ".";
        commentErr.hidden = false;
        comment.setAttribute("aria-invalid", "true");
        comment.setAttribute("aria-describedby", "comment-hint err-comment");
        first = first || comment;
      } else {
        general.push((field ? field + " " : "") + v.message);
      }
    }
    const n = violations.length;
    const lead = n ? (n === 1 ? "1 answer needs your attention." : n + " answers need your attention.")
      : (e && e.message ? e.message : "The answers could not be sent.");
    summary.textContent = [lead, ...general].join(" ");
    summary.hidden = false;
    if (first) {
      first.focus();
    } else {
      summary.focus();
    }
  }
}

/** The page after a successful send. */
export function renderThanks(root, text) {
  clear(root);
  const h = el("h1", { id: "thanks", tabindex: "-1", text: "Thank you" });
  root.append(h, el("p", { text }));
  h.focus();
}
