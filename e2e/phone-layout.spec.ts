import { type BrowserContext, expect, test } from "@playwright/test";
import { createSampleInterviews, LONG_TOKEN, type SamplePage, samplePages } from "./fixtures/sample-interviews";
import { openInTheme } from "./pages/themed-page";

const PHONE = { width: 390, height: 844 };

let context: BrowserContext;
let pages: SamplePage[];

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  pages = samplePages(await createSampleInterviews(context.request));
});

test.afterAll(async () => {
  await context.close();
});

test("no page scrolls sideways on a 390 px phone: tables reflow, long quotes and tokens wrap", async () => {
  const wide: string[] = [];
  for (const { name, path, status } of pages) {
    const page = await openInTheme(context, path, "dark", status, PHONE);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > PHONE.width) wide.push(`${name} (${path}) is ${scrollWidth} px wide`);
    if (name === "interview report") {
      // The unbroken token is in the transcript and in the report's quote, and fits in both.
      await expect(page.getByTestId("score-report").getByText(LONG_TOKEN).first()).toBeVisible();
      await page.screenshot({ path: "test-results/phone-report.png", fullPage: true });
    }
    if (name === "history") {
      // On a phone a row keeps three columns; level, date and duration fold under the title.
      await expect(page.getByTestId("history-row-meta").first()).toBeVisible();
      await page.screenshot({ path: "test-results/phone-history.png", fullPage: true });
    }
    await page.close();
  }
  expect(wide, wide.join("\n")).toEqual([]);
});
