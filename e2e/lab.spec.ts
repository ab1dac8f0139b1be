import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { InterviewPage } from "./pages/interview-page";

test("the Lab runs a pipeline with live progress, shows formulas and charts, and explains a refused size", async ({
  page,
}) => {
  await page.goto("/lab");
  const capacity = page.getByTestId("lab-capacity");
  await capacity.getByTestId("run-pipeline").click();
  const result = capacity.getByTestId("pipeline-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.locator("td.font-mono").first()).not.toBeEmpty();

  const ann = page.getByTestId("lab-ann");
  await ann.getByTestId("param-n").fill("100000000");
  await ann.getByTestId("run-pipeline").click();
  await expect(ann.getByTestId("pipeline-error")).toContainText(/at most/);

  await ann.getByTestId("param-n").fill("5000");
  await ann.getByTestId("param-queries").fill("100");
  await ann.getByTestId("run-pipeline").click();
  await expect(ann.getByTestId("pipeline-result")).toBeVisible({ timeout: 60_000 });
  await expect(ann.locator("[data-testid^=chart-]").first()).toBeVisible();
});

test("a number stated in the interview is checked with a pipeline and shown as a result card", async ({ page }) => {
  await new HomePage(page).goto();
  await new HomePage(page).startInterview("visual-search", "senior");
  const interview = new InterviewPage(page);
  await interview.composer.fill(
    "The index fits in 64 GB for 100 million images at 128 dimensions, because we store float32.",
  );
  await interview.composer.press("Enter");
  const card = page.getByTestId("check-card");
  await expect(card).toBeVisible({ timeout: 60_000 });
  await expect(card).toContainText("The index fits in 64 GB");
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/check-card.png", fullPage: false });
});
