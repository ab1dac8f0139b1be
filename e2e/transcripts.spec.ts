import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { HomePage } from "./pages/home-page";
import { InterviewPage } from "./pages/interview-page";

/** Runs a short interview to its report and returns its URL. */
async function finishInterview(page: Page): Promise<string> {
  await new HomePage(page).goto();
  await new HomePage(page).startInterview("ad-click-prediction", "senior");
  const interview = new InterviewPage(page);
  await interview.answer(
    "The pCTR is multiplied by the bid in the auction, so it must be calibrated; we optimise revenue with guardrails on hides because annoying users costs long-term value.",
  );
  await interview.endInterview();
  return page.url();
}

async function download(page: Page, testId: string): Promise<Buffer> {
  const pending = page.waitForEvent("download");
  await page.getByTestId(testId).click();
  return readFileSync(await (await pending).path());
}

async function newIdentity(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("a finished interview: follow a quote, export three formats, share, revoke, and stay private", async ({
  page,
  browser,
}) => {
  const url = await finishInterview(page);
  await expect(page.getByTestId("quote-highlight").first()).toBeVisible();
  const clarify = page.getByTestId("report-step-clarify-requirements");
  await clarify.locator("a[href^='#turn-']").first().click();
  await expect(page).toHaveURL(/#turn-\d+$/);

  const json = JSON.parse((await download(page, "export-json")).toString("utf8"));
  expect(json.scenarioId).toBe("ad-click-prediction");
  expect(json.report.steps).toHaveLength(7);
  const markdown = (await download(page, "export-md")).toString("utf8");
  expect(markdown).toContain("# Probe: Ad click prediction for a social feed");
  expect(markdown).toContain(`${json.report.overall}/100`);
  const pdf = await download(page, "export-pdf");
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const parsed = await PDFDocument.load(pdf);
  expect(parsed.getPageCount()).toBeGreaterThanOrEqual(1);
  expect(parsed.getTitle()).toBe("Probe: Ad click prediction for a social feed");

  await page.getByTestId("share-days").selectOption("1");
  await page.getByTestId("create-share").click();
  const shareUrl = (await page.getByTestId("share-url").first().textContent()) ?? "";
  expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  const stranger = await newIdentity(browser);
  await stranger.goto(shareUrl);
  await expect(stranger.getByTestId("shared-interview")).toContainText("Ad click prediction for a social feed");
  await expect(stranger.getByTestId("score-report")).toBeVisible();
  await expect(stranger.getByTestId("composer")).toHaveCount(0);
  const direct = await stranger.goto(url);
  expect(direct?.status()).toBe(404);
  const api = await stranger.request.get(url.replace("/interview/", "/api/interviews/"));
  expect(api.status()).toBe(404);

  await page.getByTestId("revoke-share").first().click();
  await expect(page.getByTestId("share-link")).toHaveCount(0);
  const gone = await stranger.goto(shareUrl);
  expect(gone?.status()).toBe(404);
  await expect(stranger.getByTestId("share-unavailable")).toContainText("This link is no longer available");
});

test("import scores a pasted text transcript and an uploaded JSON one; a malformed file stores nothing", async ({
  page,
}) => {
  await page.goto("/import");
  await page.getByTestId("import-scenario").selectOption("fraud-detection");
  await page.getByTestId("import-text").fill("Hello there\nCandidate: no prefix on the first line");
  await page.getByTestId("import-submit").click();
  await expect(page.getByTestId("import-error")).toContainText("Line 1");
  await page.goto("/history");
  const before = await page.getByTestId("history-row").count();

  await page.goto("/import");
  await page.getByTestId("import-scenario").selectOption("fraud-detection");
  await page
    .getByTestId("import-text")
    .fill(
      "## Clarify requirements\nInterviewer: What do you need to know?\nCandidate: The cost of a missed fraud against a false decline, because the threshold comes from those costs.\n## Evaluation\nInterviewer: How do you evaluate?\nCandidate: PR-AUC and recall at a fixed false decline rate, since fraud is 0.1% of payments.",
    );
  await page.getByTestId("import-submit").click();
  await page.waitForURL(/\/interview\//);
  await expect(page.getByTestId("score-report")).toBeVisible();

  await page.goto("/import");
  await page.getByTestId("import-scenario").selectOption("rag-assistant");
  await page.getByTestId("import-file").setInputFiles("bench/scoring/rag-assistant-strong.json");
  await page.getByTestId("import-submit").click();
  await page.waitForURL(/\/interview\//);
  await expect(page.getByTestId("overall-score")).toHaveText(/^\d+\/100$/);

  await page.goto("/history");
  await expect(page.getByTestId("history-row")).toHaveCount(before + 2);
});

test("history charts progress, compares two attempts and drills the weakest step", async ({ page }) => {
  await finishInterview(page);
  await finishInterview(page);
  await page.goto("/history");
  await expect(page.getByTestId("progress-chart")).toBeVisible();
  const rows = page.getByTestId("history-row");
  await rows.nth(0).locator("input[type=checkbox]").check();
  await rows.nth(1).locator("input[type=checkbox]").check();
  await page.getByTestId("compare-link").click();
  await expect(page.getByTestId("compare")).toBeVisible();
  await expect(page.getByTestId("compare-overall-a")).toHaveText(/^\d+$/);

  await page.goto("/history");
  const weakest = page.getByTestId("weakest-step");
  await expect(weakest).toBeVisible();
  await weakest.getByTestId("start-interview").click();
  await page.waitForURL(/\/interview\//);
  await expect(page.getByTestId("turn-interviewer").first()).toContainText("This is a drill on one step");
});

test("the owner can delete a transcript entirely", async ({ page }) => {
  const url = await finishInterview(page);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("delete-interview").click();
  await page.waitForURL(/\/history$/);
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
});
