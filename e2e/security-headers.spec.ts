import { type BrowserContext, expect, type Page, type Response, test } from "@playwright/test";
import { E2E_PORT } from "./fixtures/environment";
import { type ForeignSite, startForeignSite } from "./fixtures/foreign-site";
import {
  createSampleInterviews,
  type SampleInterviews,
  type SamplePage,
  samplePages,
} from "./fixtures/sample-interviews";
import { LabPage } from "./pages/lab-page";

const APP = `http://127.0.0.1:${E2E_PORT}`;

let context: BrowserContext;
let samples: SampleInterviews;
let pages: SamplePage[];
let foreign: ForeignSite;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext();
  samples = await createSampleInterviews(context.request);
  pages = samplePages(samples);
  foreign = await startForeignSite({
    "/frame": `<!doctype html><title>a neighbour</title>
<iframe id="victim" src="${APP}/history" onload="document.body.dataset.loaded = 'yes'"></iframe>`,
  });
});

test.afterAll(async () => {
  await context.close();
  await foreign.close();
});

/** The fixed headers every response carries (next.config.ts), whatever the path. */
function expectFixedHeaders(
  headers: Record<string, string>,
  what: string,
  referrer = "strict-origin-when-cross-origin",
) {
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe(referrer);
  expect(headers["permissions-policy"], what).toBe("camera=(), microphone=(), geolocation=()");
  expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
}

/** A page's CSP: a fresh nonce, strict-dynamic, no eval, no framing. Returns the nonce. */
function expectPagePolicy(policy: string | undefined, what: string): string {
  expect(policy, what).toBeDefined();
  const csp = policy ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `${what}: ${csp}`).toBeTruthy();
  expect(csp, what).toContain("'strict-dynamic'");
  expect(csp, what).not.toContain("unsafe-eval");
  for (const directive of [
    "default-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, what).toContain(directive);
  }
  return nonce ?? "";
}

/** Opens a page and records every CSP violation it reports, from the DOM event and the console. */
async function openWatched(
  path: string,
  status: number,
): Promise<{ page: Page; response: Response; violations: string[] }> {
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation: (line: string) => void }).reportViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  expect(response?.status(), path).toBe(status);
  await page.waitForLoadState("networkidle");
  return { page, response: response as Response, violations };
}

test("every page carries the security headers and runs under its CSP without a violation", async () => {
  const failures: string[] = [];
  const nonces = new Set<string>();
  for (const { name, path, status } of pages) {
    const { page, response, violations } = await openWatched(path, status);
    const headers = await response.allHeaders();
    const what = `${name} (${path})`;
    expectFixedHeaders(headers, what, path.startsWith("/s/") ? "no-referrer" : undefined);
    const nonce = expectPagePolicy(headers["content-security-policy"], what);
    nonces.add(nonce);
    // The inline theme script carries the nonce; the browser hides the attribute but keeps the property.
    const scriptNonce = await page.evaluate(
      () =>
        [...document.head.querySelectorAll("script")].find((script) => script.textContent?.includes("probe-theme"))
          ?.nonce ?? null,
    );
    expect(scriptNonce, what).toBe(nonce);
    // Hydrated: the theme toggle (a client component) answers a click.
    const toggle = page.getByTestId("theme-toggle");
    const before = await toggle.getAttribute("data-preference");
    await toggle.click();
    await expect(toggle, what).not.toHaveAttribute("data-preference", before ?? "");
    for (const line of violations) failures.push(`${what}: ${line}`);
    await page.close();
  }
  expect(failures, failures.join("\n")).toEqual([]);
  expect(nonces.size, "a fresh nonce per response").toBe(pages.length);
});

test("the history chart, a Lab run with its recharts charts and a live interview work under the CSP", async () => {
  const history = await openWatched("/history", 200);
  await expect(history.page.getByTestId("progress-chart")).toBeVisible();
  expect(history.violations).toEqual([]);
  await history.page.close();

  // A small vector search run: its results stream in over fetch and are drawn with recharts.
  const lab = await openWatched("/lab", 200);
  const labPage = new LabPage(lab.page);
  await labPage.field("ann", "n").fill("5000");
  await labPage.field("ann", "queries").fill("100");
  await labPage.run("ann");
  await expect(labPage.pipeline("ann").getByTestId("pipeline-result")).toBeVisible({ timeout: 60_000 });
  await expect(labPage.pipeline("ann").locator("[data-testid^=chart-] .recharts-surface").first()).toBeVisible();
  expect(lab.violations).toEqual([]);
  await lab.page.close();

  const interview = await openWatched(`/interview/${samples.active}`, 200);
  // The interview page's live events arrive over EventSource, a same-origin connection.
  const events = await interview.page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const source = new EventSource(`/api/interviews/${id}/events?after=0`);
        source.onopen = () => {
          source.close();
          resolve("open");
        };
        source.onerror = () => {
          source.close();
          resolve("error");
        };
      }),
    samples.active,
  );
  expect(events).toBe("open");
  expect(interview.violations).toEqual([]);
  await interview.page.close();
});

test("API responses and static assets carry the fixed headers", async () => {
  const api = await context.request.get("/api/health");
  expect(api.status()).toBe(200);
  expectFixedHeaders(api.headers(), "/api/health");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  const page = await context.newPage();
  await page.goto("/");
  const script = await page.evaluate(
    () => document.querySelector<HTMLScriptElement>("script[src*='/_next/static/']")?.src,
  );
  expect(script).toBeTruthy();
  const asset = await context.request.get(script ?? "");
  expect(asset.status()).toBe(200);
  expectFixedHeaders(asset.headers(), "a static script");
  await page.close();
});

test("the history page refuses to load inside another origin's iframe", async () => {
  const page = await context.newPage();
  const framed = page.waitForResponse((r) => r.url() === `${APP}/history`);
  await page.goto(`${foreign.origin}/frame`);
  const response = await framed;
  // The server answered, and told the browser not to frame it.
  expect(response.status()).toBe(200);
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  await expect(page.locator("body")).toHaveAttribute("data-loaded", "yes");
  const child = page.frames().find((frame) => frame !== page.mainFrame());
  expect(child).toBeDefined();
  expect(child?.url()).not.toBe(`${APP}/history`);
  await expect(page.frameLocator("#victim").getByTestId("home-link")).toHaveCount(0);
  await page.close();
});

test("the share page is not to be indexed and leaks no referrer", async () => {
  const page = await context.newPage();
  const response = await page.goto(samples.sharePath);
  expect(response?.status()).toBe(200);
  const headers = (await response?.allHeaders()) ?? {};
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await page.close();
});

test("a malformed path is a 400 and an unknown method a 405, not a 500; TRACE echoes nothing", async () => {
  const request = context.request;
  const malformed = await request.get("/api/interviews/%ff");
  expect(malformed.status()).toBe(400);
  expect(await malformed.json()).toMatchObject({ error: { code: "bad_request:path" } });
  expect((await request.get("/interview/%E0%A4%A")).status()).toBe(400);

  const propfind = await request.fetch("/api/health", { method: "PROPFIND" });
  expect(propfind.status()).toBe(405);
  expect(propfind.headers().allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
  expect(await propfind.json()).toMatchObject({ error: { code: "method_not_allowed:method" } });

  // TRACE never reaches the proxy: Next.js builds a fetch Request first, which forbids the method,
  // and answers 500 itself. What matters is that nothing is echoed (no cross-site tracing).
  const trace = await request.fetch("/api/health", { method: "TRACE", headers: { "x-echo-probe": "secret-marker" } });
  expect(trace.status()).not.toBe(200);
  expect(await trace.text()).not.toContain("secret-marker");
});
