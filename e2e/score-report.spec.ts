import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { rubricTitlesOf } from "@/lib/scenarios/rubric-titles";
import { InterviewPage } from "./pages/interview-page";

/** Names a report stores that mean nothing to a reader. */
const FIELD_NAMES = ["stepAssignment", "rubricId", "nextToLearn", "levelSignal", "drillStep", "scenarioId", "credit:"];

async function expectNoInternalNames(page: Page, scenarioId: string): Promise<void> {
  // What a reader sees: the rendered text, not the page's scripts (whose data names every field).
  const text = (await page.locator("body").allInnerTexts()).join("\n");
  const ids = Object.keys(rubricTitlesOf(scenarioId)).filter((id) => text.includes(id));
  expect(ids, "rubric ids on the page").toEqual([]);
  expect(
    FIELD_NAMES.filter((name) => text.includes(name)),
    "field names on the page",
  ).toEqual([]);
  expect(text).not.toContain(scenarioId);
}

test("a report lays every step open: feedback, quotes, partial credit and lost items, by their titles", async ({
  page,
}) => {
  const response = await page.request.post("/api/imports", {
    data: {
      scenarioId: "ad-click-prediction",
      level: "senior",
      text: readFileSync("bench/scoring/ad-click-prediction-medium.json", "utf8"),
    },
  });
  expect(response.status()).toBe(201);
  await page.goto(`/interview/${(await response.json()).id}`);
  const report = page.getByTestId("score-report");
  await expect(report).toBeVisible();
  // Nothing to click open: no disclosure hides a step's content.
  await expect(report.locator("details")).toHaveCount(0);
  const steps = report.locator("[data-testid^=report-step-]");
  await expect(steps).toHaveCount(7);
  for (const step of await steps.all()) {
    await expect(step.getByRole("heading", { level: 3 })).toBeVisible();
    await expect(step.getByTestId("step-feedback")).toBeVisible();
  }
  const credited = report.getByTestId("credited-item");
  expect(await credited.count()).toBeGreaterThan(3);
  await expect(credited.first().locator("blockquote")).toBeVisible();
  await expect(report.getByTestId("partial-credit").first()).toHaveText("partly");
  const lost = report.getByTestId("step-lost").first();
  await expect(lost).toBeVisible();
  await expect(lost.locator("blockquote")).toBeVisible();
  await expect(report.getByTestId("step-missing").first()).toBeVisible();
  await expectNoInternalNames(page, "ad-click-prediction");
});

test("a finished interview's report, history and shared page name nothing by its internal id", async ({ page }) => {
  const start = await page.request.post("/api/interviews", { data: { scenarioId: "fraud-detection" } });
  const { id } = await start.json();
  await page.goto(`/interview/${id}`);
  const interview = new InterviewPage(page);
  await interview.answer(
    "The cost of a missed fraud against a false decline sets the threshold, and fraud is 0.1% of 2 million payments a day.",
  );
  await interview.endInterview();
  await expectNoInternalNames(page, "fraud-detection");
  await page.getByTestId("create-share").click();
  const shareUrl = (await page.getByTestId("share-url").textContent()) ?? "";
  await page.goto("/history");
  await expect(page.getByTestId("all-share-links")).toContainText("Real-time payment fraud detection");
  await expectNoInternalNames(page, "fraud-detection");
  await page.goto(shareUrl);
  await expect(page.getByTestId("score-report")).toBeVisible();
  await expectNoInternalNames(page, "fraud-detection");
});
