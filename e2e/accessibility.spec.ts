import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import {
  createSampleInterviews,
  type SampleInterviews,
  type SamplePage,
  samplePages,
} from "./fixtures/sample-interviews";
import { openInTheme, THEMES } from "./pages/themed-page";

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what axe can check automatically. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

let context: BrowserContext;
let samples: SampleInterviews;
let pages: SamplePage[];

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  samples = await createSampleInterviews(context.request);
  pages = samplePages(samples);
});

test.afterAll(async () => {
  await context.close();
});

/** One line per violated rule: its id, how many elements, and the first few of them. */
async function violations(page: Page): Promise<string[]> {
  // Folded content is checked too: axe skips what is hidden.
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} ×${v.nodes.length}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
  );
}

for (const theme of THEMES) {
  test(`every page passes axe's WCAG 2 A and AA rules in the ${theme} theme`, async () => {
    const failures: string[] = [];
    for (const { name, path, status } of pages) {
      const page = await openInTheme(context, path, theme, status);
      for (const line of await violations(page)) failures.push(`${name} (${path}): ${line}`);
      await page.close();
    }
    expect(failures, failures.join("\n")).toEqual([]);
  });
}

test("every keyboard stop shows a focus outline, starting with the skip link", async () => {
  for (const theme of THEMES) {
    for (const path of ["/", `/interview/${samples.finished}`, "/history"]) {
      const page = await openInTheme(context, path, theme);
      await page.keyboard.press("Tab");
      const skip = page.getByTestId("skip-link");
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      for (let stop = 0; stop < 25; stop++) {
        const focus = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          return {
            what: `${element.tagName.toLowerCase()} “${(element.textContent ?? "").trim().slice(0, 40)}”`,
            outline: style.outlineStyle === "none" ? 0 : Number.parseFloat(style.outlineWidth),
          };
        });
        if (!focus) break;
        expect(focus.outline, `${path} (${theme}): ${focus.what} has no focus outline`).toBeGreaterThanOrEqual(2);
        await page.keyboard.press("Tab");
      }
      await page.close();
    }
  }
});

test("start buttons are told apart by name: scenario, and level or step", async () => {
  const home = await openInTheme(context, "/", "light");
  const starts = home.getByRole("button", { name: /^Start interview/ });
  await expect(starts).toHaveCount(13);
  const names = await starts.evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ""));
  expect(new Set(names).size).toBe(13);
  await expect(
    home.getByRole("button", { name: /^Start interview on Ad click prediction for a social feed, senior level$/ }),
  ).toBeVisible();
  await home.getByTestId("level-select").selectOption("staff");
  await expect(home.getByRole("button", { name: /Ad click prediction for a social feed, staff level$/ })).toBeVisible();
  await expect(home.getByRole("link", { name: "Read the rubric of Real-time payment fraud detection" })).toBeVisible();
  await home.close();

  const rubric = await openInTheme(context, "/scenarios/ad-click-prediction?level=mid", "light");
  await expect(
    rubric.getByRole("button", { name: "Start a mid-level interview on Ad click prediction for a social feed" }),
  ).toBeVisible();
  await rubric.close();
});
