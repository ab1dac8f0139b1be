import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { InterviewPage } from "./pages/interview-page";

test("a second tab of the same interview follows the first one's turns live, step included", async ({
  page,
  context,
}) => {
  await new HomePage(page).goto();
  await new HomePage(page).startInterview("video-recommendation", "senior");
  const first = new InterviewPage(page);
  await expect(first.interviewerTurns()).toHaveCount(1);

  const otherPage = await context.newPage();
  await otherPage.goto(page.url());
  const second = new InterviewPage(otherPage);
  await expect(second.interviewerTurns()).toHaveCount(1);

  await first.answer("We optimise long-term watch time and retention, because clicks reward clickbait.");
  await expect(second.turns()).toHaveCount(3);
  await second.settled();
  expect(await second.transcriptTexts()).toEqual(await first.transcriptTexts());

  // Moving on in the first tab moves the second tab's step tracker too.
  await first.answer("next");
  await second.expectCurrentStep("frame-problem");
  await expect(second.turns()).toHaveCount(5);
  expect(await second.transcriptTexts()).toEqual(await first.transcriptTexts());

  // And the other way round: the second tab can answer, and the first follows it.
  await second.answer("I frame it as retrieval then ranking by expected watch time per impression.");
  await expect(first.turns()).toHaveCount(7);
  await first.settled();
  expect(await first.transcriptTexts()).toEqual(await second.transcriptTexts());

  // A hidden tab lets its stream go and, shown again, gets what it missed.
  const setVisibility = (state: "hidden" | "visible") =>
    otherPage.evaluate((value) => {
      Object.defineProperty(document, "visibilityState", { value, configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  await first.answer("Offline I would track recall at k for retrieval and NDCG for the ranker.");
  await expect(first.turns()).toHaveCount(9);
  await otherPage.waitForTimeout(1_000);
  await expect(second.turns()).toHaveCount(7);
  await setVisibility("visible");
  await expect(second.turns()).toHaveCount(9);
  await second.settled();
  expect(await second.transcriptTexts()).toEqual(await first.transcriptTexts());
});
