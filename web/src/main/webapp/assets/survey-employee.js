// An employee answers an open campaign: /app/survey/?campaign=<id>.
import { api, el, pageId, say, describe } from "/assets/lib.js";
import { shell } from "/assets/shell.js";
import { renderSurvey, renderThanks } from "/assets/survey-form.js";

async function main() {
  const root = document.getElementById("survey-root");
  const status = document.getElementById("status");
  try {
    const user = await shell();
    const id = Number(pageId("campaign"));
    const { data } = await api("/api/campaigns/open");
    const campaign = data.find((c) => c.id === id);
    if (!campaign) {
      say(status, "This survey is not open to you. ", "error");
      status.appendChild(el("a", { href: "/app/surveys/", text: "See the surveys open to you" }));
      return;
    }
    document.title = "CX Align — " + campaign.title;
    renderSurvey(root, {
      title: campaign.title,
      intro: "Your answers are stored without your name; your department is counted only in groups of at least the campaign's threshold. Open until " + campaign.closesOn + ".",
      items: campaign.items,
      postTo: "/api/campaigns/" + id + "/responses",
      draftKey: "cxalign.draft.employee." + id + "." + user.username,
      onDone: () => renderThanks(root, "Your answers were received. You can close this page or go back to your surveys."),
    });
  } catch (e) {
    say(status, "Could not load the survey: " + describe(e), "error");
  }
}

main();
