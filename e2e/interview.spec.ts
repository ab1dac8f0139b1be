import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { STEP_IDS } from "@/lib/framework";
import { HomePage } from "./pages/home-page";
import { InterviewPage } from "./pages/interview-page";

test("an interview survives a reload, runs through all seven steps, and downloads its transcript", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.startInterview("video-recommendation", "staff");
  const interview = new InterviewPage(page);
  await interview.expectCurrentStep("clarify-requirements");

  // Two steps: an answer, the follow-up, a second answer that moves on.
  await interview.answer("The goal is long-term watch time and retention, because clicks reward clickbait.");
  await interview.answer("next");
  await interview.expectCurrentStep("frame-problem");
  await interview.answer("I frame it as two-stage retrieval then ranking by expected watch time.");
  await interview.answer("next");
  await interview.expectCurrentStep("data-preparation");

  const before = await interview.transcriptTexts();
  expect(before).toHaveLength(9);
  await page.reload();
  await expect(interview.turns()).toHaveCount(9);
  expect(await interview.transcriptTexts()).toEqual(before);
  await interview.expectCurrentStep("data-preparation");

  for (let i = 2; i < STEP_IDS.length; i++) await interview.pressNextStep();
  await expect(page.getByTestId("interview-complete")).toBeVisible();
  const report = page.getByTestId("score-report");
  await expect(report).toBeVisible();
  await expect(report.getByTestId("overall-score")).toHaveText(/^\d+\/100$/);
  await expect(report.locator("[data-testid^=report-step-]")).toHaveCount(7);
  const clarify = report.getByTestId("report-step-clarify-requirements");
  const quoteLink = clarify.locator("a[href^='#turn-']").first();
  await expect(quoteLink).toBeVisible();
  await quoteLink.click();
  await expect(page).toHaveURL(/#turn-\d+$/);

  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("export-json").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^probe-video-recommendation-.*\.json$/);
  const transcript = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(transcript.scenarioId).toBe("video-recommendation");
  expect(transcript.level).toBe("staff");
  expect(transcript.turns[1]).toEqual({
    role: "candidate",
    step: "clarify-requirements",
    content: "The goal is long-term watch time and retention, because clicks reward clickbait.",
  });
  const steps = [...new Set(transcript.turns.map((t: { step: string }) => t.step))];
  expect(steps).toEqual([...STEP_IDS]);
  expect(transcript.turns.at(-1).role).toBe("interviewer");
});

test("a failed send keeps the draft and shows the reason", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.startInterview("video-recommendation", "senior");
  await page.route("**/api/interviews/*/messages", (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({
        error: {
          code: "internal:server",
          message:
            "Something went wrong on our side. If you were sending something, it may not have been saved: try again.",
        },
      }),
    }),
  );
  const interview = new InterviewPage(page);
  await interview.composer.fill("My answer that must not be lost.");
  await interview.composer.press("Enter");
  await expect(page.getByTestId("chat-error")).toContainText("it may not have been saved: try again");
  await expect(interview.composer).toHaveValue("My answer that must not be lost.");
});

test("Shift+Enter adds a line instead of sending", async ({ page }) => {
  const home = new HomePage(page);
  await home.goto();
  await home.startInterview("video-recommendation", "mid");
  const interview = new InterviewPage(page);
  await interview.composer.fill("first line");
  await interview.composer.press("Shift+Enter");
  await interview.composer.pressSequentially("second line");
  await expect(interview.composer).toHaveValue("first line\nsecond line");
  await expect(interview.turns()).toHaveCount(1);
});

test("the chosen length sets the step clock, and coverage rises as the rubric is met", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("minutes-select").selectOption("30");
  await new HomePage(page).startInterview("video-recommendation", "senior");
  // 30 minutes split by weight gives the first step 5/45 of it: 3:20.
  await expect(page.getByTestId("interview-clock")).toContainText("/ 3:20");
  const coverage = page.getByTestId("step-clarify-requirements").getByTestId("step-coverage");
  await expect(coverage).toHaveText("0%");
  await new InterviewPage(page).answer(
    "We optimise long-term watch time and satisfaction rather than clicks, because clickbait thumbnails inflate CTR; at 500 million DAU peak is about 90k requests per second.",
  );
  await expect(coverage).not.toHaveText("0%");
});
