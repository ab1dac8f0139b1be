import { expect, type Page, test } from "@playwright/test";
import { LabPage } from "./pages/lab-page";

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

test("every field has a label, help and a fitting input, and no parameter names reach the page", async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  for (const details of await page.locator("main details").all()) await details.locator("summary").click();

  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement>("main input, main select")]
      .filter((input) => input.labels === null || input.labels.length === 0 || !input.labels[0]?.textContent?.trim())
      .map((input) => input.name || input.id),
  );
  expect(unlabelled).toEqual([]);

  await expect(lab.field("ann", "hnswlib")).toHaveAttribute("type", "checkbox");
  await expect(lab.field("ann", "efSweep")).toHaveValue("16, 32, 64, 128");
  await expect(lab.field("ann", "n")).toHaveValue("100,000");
  await expect(lab.pipeline("ann").getByLabel(/Your corpus size/)).toBeVisible();
  await expect(lab.pipeline("capacity").getByLabel(/Daily active users/)).toHaveValue("200,000,000");

  const main = page.locator("main");
  expect(await lab.camelCaseWords(main)).toEqual([]);
  await expect(main).not.toContainText("STACK.md");
  await expect(main).not.toContainText("JS probe");
});

test("numbers read 1B, 1e9 and 1,000,000,000 alike, and a bad one is named by its field", async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  const items = lab.field("capacity", "items");
  for (const typed of ["1B", "1e9", "1,000,000,000"]) {
    await items.fill(typed);
    const sent = await lab.run("capacity");
    expect(sent.items, `"${typed}" is sent as a number`).toBe(1_000_000_000);
    await expect(lab.pipeline("capacity").getByTestId("pipeline-result")).toBeVisible({ timeout: 30_000 });
  }
  await lab.field("capacity", "dau").fill("2.5M");
  await lab.field("capacity", "actionsPerUserPerDay").fill("10k");
  const sent = await lab.run("capacity");
  expect(sent).toMatchObject({ dau: 2_500_000, actionsPerUserPerDay: 10_000 });
  const result = lab.pipeline("capacity").getByTestId("pipeline-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  expect(await lab.camelCaseWords(result)).toEqual([]);

  await lab.field("capacity", "dau").fill("lots");
  await lab.pipeline("capacity").getByTestId("run-pipeline").click();
  await expect(lab.field("capacity", "dau")).toHaveAttribute("aria-invalid", "true");
  await expect(lab.field("capacity", "dau")).toBeFocused();
  await expect(lab.pipeline("capacity").getByTestId("param-dau-error")).toContainText("Enter a number");
  await expect(lab.pipeline("capacity").getByTestId("pipeline-error")).toContainText("Daily active users");
});

test("the vector search form extrapolates to the corpus size typed as 1B", async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.field("ann", "n").fill("5k");
  await lab.field("ann", "queries").fill("100");
  await lab.field("ann", "targetN").fill("1B");
  const sent = await lab.run("ann");
  expect(sent).toMatchObject({ n: 5_000, queries: 100, targetN: 1_000_000_000 });
  const result = lab.pipeline("ann").getByTestId("pipeline-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText("1,000,000,000");
  await expect(result.locator("[data-testid^=chart-]").first()).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`at 390 px in the ${scheme} theme the Lab fits the width and runs by keyboard`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    const lab = new LabPage(page);
    await lab.goto();
    await expectNoHorizontalOverflow(page);
    await lab.field("capacity", "items").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2B");
    await page.keyboard.press("Enter");
    const result = lab.pipeline("capacity").getByTestId("pipeline-result");
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expectNoHorizontalOverflow(page);
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/lab-390-${scheme}.png` });
  });
}
