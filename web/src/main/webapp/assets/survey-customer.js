// A customer answers through their one-time link (/api/survey/<token>, the URL of the e-mail): the
// same URL answers this page's script with JSON.
import { api, say, ApiError } from "/assets/lib.js";
import { renderSurvey, renderThanks } from "/assets/survey-form.js";

async function main() {
  const root = document.getElementById("survey-root");
  const status = document.getElementById("status");
  const token = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  const path = "/api/survey/" + encodeURIComponent(token);
  try {
    const { data } = await api(path);
    document.title = "Your view on us — " + data.title;
    renderSurvey(root, {
      title: data.title,
      intro: "Thank you for taking a few minutes. Your answers are anonymous; this link works once.",
      items: data.items,
      postTo: path,
      draftKey: "cxalign.draft.link." + token,
      onDone: () => renderThanks(root, "Your answers were received. You can close this page."),
    });
  } catch (e) {
    if (e instanceof ApiError && e.status === 410) {
      say(status, "This link has been used already or has expired. Thank you for your interest.", "error");
    } else if (e instanceof ApiError && e.status === 404) {
      say(status, "No survey was found for this link; please check that it was copied whole.", "error");
    } else {
      say(status, "The survey could not be loaded: " + (e.message || e), "error");
    }
  }
}

main();
