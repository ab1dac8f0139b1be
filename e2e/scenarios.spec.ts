import { expect, test } from "@playwright/test";

test("the picker lists all thirteen scenarios and filters them by focus area", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByTestId("scenario-list").locator("article");
  await expect(cards).toHaveCount(13);
  await page.getByTestId("focus-vision").click();
  await expect(page.getByTestId("focus-vision")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("scenario-street-view-blurring")).toBeVisible();
  await expect(page.getByTestId("scenario-ad-click-prediction")).toHaveCount(0);
  const visionCount = await cards.count();
  expect(visionCount).toBeGreaterThan(0);
  expect(visionCount).toBeLessThan(13);
  await page.getByTestId("focus-llm").click();
  await expect(page.getByTestId("scenario-rag-assistant")).toBeVisible();
  await page.getByTestId("focus-all").click();
  await expect(cards).toHaveCount(13);
});

test("a scenario page publishes its rubric, level by level", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("rubric-fraud-detection").click();
  await expect(page).toHaveURL(/\/scenarios\/fraud-detection$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const step of ["clarify-requirements", "evaluation", "monitoring"]) {
    await expect(page.getByTestId(`rubric-step-${step}`)).toBeVisible();
  }
  // Each level is its own page load: count only once the chosen level's page has rendered.
  const itemsAt = async (level: "mid" | "senior" | "staff") => {
    await expect(page.getByTestId(`rubric-level-${level}`)).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("rubric-item").first()).toBeVisible();
    return page.getByTestId("rubric-item").count();
  };
  const seniorItems = await itemsAt("senior");
  await page.getByTestId("rubric-level-mid").click();
  const midItems = await itemsAt("mid");
  await page.getByTestId("rubric-level-staff").click();
  const staffItems = await itemsAt("staff");
  expect(midItems).toBeLessThan(seniorItems);
  expect(seniorItems).toBeLessThan(staffItems);
  expect(staffItems).toBe(42);
});

test("an unknown scenario is a 404", async ({ page }) => {
  const response = await page.goto("/scenarios/no-such-scenario");
  expect(response?.status()).toBe(404);
});

test("the search box finds case-study passages and explains bad input", async ({ page }) => {
  await page.goto("/scenarios/ad-click-prediction");
  const search = page.getByTestId("passage-search");
  await search.getByTestId("passage-search-input").fill("throw away most non-clicks then fix the probabilities");
  await search.getByTestId("passage-search-submit").click();
  const results = search.getByTestId("passage-result");
  await expect(results).toHaveCount(5);
  await expect(results.first()).toContainText(/Ad click prediction for a social feed|General guidance/);
  await results.first().locator("summary").click();
  await expect(results.first().locator("p").first()).toBeVisible();

  await search.getByTestId("passage-search-input").fill("x".repeat(2001));
  await search.getByTestId("passage-search-submit").click();
  await expect(search.getByTestId("passage-search-error")).toContainText("longer than 2000 characters");
});
