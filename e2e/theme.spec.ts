import { expect, type Page, test } from "@playwright/test";

const isDark = (page: Page) => page.evaluate(() => document.documentElement.classList.contains("dark"));

test("the theme toggle cycles system, light, dark and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const toggle = page.getByTestId("theme-toggle");
  await expect(toggle).toHaveAttribute("data-preference", "system");
  expect(await isDark(page)).toBe(false);

  await toggle.click();
  await expect(toggle).toHaveAttribute("data-preference", "light");
  expect(await isDark(page)).toBe(false);
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-preference", "dark");
  expect(await isDark(page)).toBe(true);

  await page.reload();
  await expect(toggle).toHaveAttribute("data-preference", "dark");
  expect(await isDark(page)).toBe(true);
});

test("the stored theme applies before any bundle runs (no flash)", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await page.evaluate(() => localStorage.setItem("probe-theme", "dark"));
  // With the app's JavaScript blocked, only the inline head script can set the class.
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.reload();
  expect(await isDark(page)).toBe(true);
});

test("with no stored choice the theme follows the system", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  await page.goto("/");
  expect(await isDark(page)).toBe(true);
});
