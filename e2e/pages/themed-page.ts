import { type BrowserContext, expect, type Page } from "@playwright/test";
import { THEME_STORAGE_KEY } from "@/lib/theme";

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Opens `path` in a new page of `context` with the theme stored as the reader's choice, and
 * waits until the page has settled (its client components have fetched what they show).
 */
export async function openInTheme(
  context: BrowserContext,
  path: string,
  theme: Theme,
  status = 200,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_STORAGE_KEY, theme] as const);
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBe(status);
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
  return page;
}
