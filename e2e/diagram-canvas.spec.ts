import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { readScene } from "@/lib/diagram/excalidraw/scene";
import { sceneToDiagram } from "@/lib/diagram/excalidraw/to-text";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import type { DiagramText } from "@/lib/diagram/types";
import { DiagramPanel, startInterviewWithCanvas as startInterview } from "./pages/diagram-panel";
import { HomePage } from "./pages/home-page";

// Wide enough that the canvas sits beside the chat (Tailwind's lg, 1024 px).
test.use({ viewport: { width: 1280, height: 900 } });

interface Stored {
  scene: { elements: Record<string, unknown>[] } | null;
  revision: number;
}

/** What the server holds, read through the page's own identity. */
async function stored(page: Page, id: string): Promise<Stored> {
  const response = await page.request.get(`/api/interviews/${id}/diagram`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Stored;
}

/** The stored scene as the interviewer reads it. */
async function storedDiagram(page: Page, id: string): Promise<DiagramText> {
  return sceneToDiagram(readScene((await stored(page, id)).scene ?? { elements: [] }));
}

const labels = (diagram: DiagramText) => diagram.nodes.map((node) => node.label).sort();
const edges = (diagram: DiagramText) => {
  const label = new Map(diagram.nodes.map((node) => [node.id, node.label]));
  return diagram.edges.map((edge) => `${label.get(edge.from ?? "")} -> ${label.get(edge.to ?? "")}`).sort();
};

/**
 * Fails the test on anything the Content-Security-Policy refused while the canvas loaded (the
 * browser logs those as console errors and fires securitypolicyviolation), and on any request
 * that left the app's origin (fonts from a CDN, say). Returns the URLs requested, to check fonts.
 */
async function watchPage(page: Page, origin: string): Promise<{ check: () => Promise<void>; urls: string[] }> {
  const errors: string[] = [];
  const urls: string[] = [];
  page.on("console", (message) => {
    // The app has no favicon; the browser's request for it is not the canvas's doing.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith("data:") && !request.url().startsWith("blob:")) urls.push(request.url());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return {
    urls,
    async check() {
      const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      expect(violations, "CSP violations").toEqual([]);
      expect(errors, "console errors").toEqual([]);
      expect(
        urls.filter((url) => new URL(url).origin !== origin),
        "requests to other origins",
      ).toEqual([]);
    },
  };
}

const FUNNEL = [
  "flowchart TD",
  "  retrieval[Retrieval: 1M to 1000] --> ranking[Ranking: 1000 to 100]",
  "  ranking --> rerank[Re-ranking: 100 to 10]",
  "  features[(Feature store)] --> ranking",
].join("\n");
const FUNNEL_LABELS = ["Feature store", "Ranking: 1000 to 100", "Re-ranking: 100 to 10", "Retrieval: 1M to 1000"];

test("boxes and arrows drawn with the mouse are saved, and are back on the canvas after a reload", async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page, new URL(baseURL ?? "").origin);
  const { id, diagram } = await startInterview(page);
  await diagram.focus();

  await diagram.box([60, 100], [240, 160], "Candidates");
  await diagram.box([60, 240], [240, 300], "Ranking");
  await diagram.box([60, 380], [240, 440], "Re-ranking");
  await diagram.arrow([150, 165], [150, 235]);
  await diagram.arrow([150, 305], [150, 375]);
  await expect(diagram.summary).toHaveText("3 shapes, 2 arrows");
  const revision = await diagram.saved();
  expect(revision).toBeGreaterThan(0);

  const saved = await storedDiagram(page, id);
  expect(labels(saved)).toEqual(["Candidates", "Ranking", "Re-ranking"]);
  expect(edges(saved)).toEqual(["Candidates -> Ranking", "Ranking -> Re-ranking"]);

  await page.reload();
  await diagram.ready();
  await expect(diagram.summary).toHaveText("3 shapes, 2 arrows");
  await expect(diagram.status).toHaveText("Saved");
  expect(labels(await storedDiagram(page, id))).toEqual(["Candidates", "Ranking", "Re-ranking"]);

  // The fonts of the labels came from this origin, where the build copied them.
  expect(watch.urls.some((url) => new URL(url).pathname.startsWith("/excalidraw/fonts/"))).toBe(true);
  await watch.check();
});

test("a malformed Mermaid paste shows the line it failed on and leaves the stored diagram alone", async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page, new URL(baseURL ?? "").origin);
  const { id, diagram } = await startInterview(page);
  await diagram.pasteMermaid(FUNNEL);
  await expect(diagram.summary).toHaveText("4 shapes (1 store), 3 arrows");
  const revision = await diagram.saved();
  const before = await stored(page, id);

  await diagram.pasteMermaid("flowchart TD\n  A[Candidates] --> B[Ranking\n  B --> C");
  const dialog = page.getByRole("dialog", { name: "Replace the diagram with a Mermaid flowchart" });
  await expect(dialog.getByRole("alert")).toHaveText(/^Line 2: The label opened at column \d+ is not closed/);
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Paste Mermaid" })).toBeFocused();

  await expect(diagram.summary).toHaveText("4 shapes (1 store), 3 arrows");
  await expect(diagram.status).toHaveText("Saved");
  const after = await stored(page, id);
  expect(after.revision).toBe(revision);
  expect(after).toEqual(before);
  await watch.check();
});

test("a pasted Mermaid funnel is drawn as boxes and arrows and saved", async ({ page, baseURL }) => {
  const watch = await watchPage(page, new URL(baseURL ?? "").origin);
  const { id, diagram } = await startInterview(page);
  await diagram.pasteMermaid(FUNNEL);
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: "Paste Mermaid" })).toBeFocused();
  await expect(diagram.summary).toHaveText("4 shapes (1 store), 3 arrows");
  await diagram.saved();

  const saved = await storedDiagram(page, id);
  expect(labels(saved)).toEqual(FUNNEL_LABELS);
  expect(saved.nodes.find((node) => node.label === "Feature store")?.kind).toBe("store");
  expect(edges(saved)).toEqual([
    "Feature store -> Ranking: 1000 to 100",
    "Ranking: 1000 to 100 -> Re-ranking: 100 to 10",
    "Retrieval: 1M to 1000 -> Ranking: 1000 to 100",
  ]);
  await watch.check();
});

test("Export Mermaid gives a flowchart that reads back to the same labels and arrows", async ({ page }) => {
  const { id, diagram } = await startInterview(page);
  await diagram.pasteMermaid(FUNNEL);
  await diagram.saved();

  await page.getByRole("button", { name: "Export Mermaid" }).click();
  const dialog = page.getByRole("dialog", { name: "The diagram as a Mermaid flowchart" });
  const text = await dialog.getByLabel("Mermaid flowchart").inputValue();
  const exported = parseMermaid(text);
  const onServer = await storedDiagram(page, id);
  expect(labels(exported)).toEqual(FUNNEL_LABELS);
  expect(labels(exported)).toEqual(labels(onServer));
  expect(edges(exported)).toEqual(edges(onServer));

  const [file] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Download .mmd" }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("diagram.mmd");
  expect(readFileSync(await file.path(), "utf8")).toBe(text);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("button", { name: "Export Mermaid" })).toBeFocused();
});

test("a shape can be marked as a store, and the mark is saved", async ({ page }) => {
  const { id, diagram } = await startInterview(page);
  await diagram.pasteMermaid("flowchart TD\n  logs[Event logs] --> train[Training]");
  await diagram.saved();
  const mark = page.getByRole("button", { name: "Mark as store" });
  await expect(mark).toBeDisabled();
  expect((await storedDiagram(page, id)).nodes.map((n) => n.kind)).toEqual(["component", "component"]);
  // Both boxes selected (the arrow too, which the mark leaves alone).
  await diagram.focus();
  await page.keyboard.press("Control+a");
  await expect(mark).toBeEnabled();
  await expect(mark).toHaveAttribute("aria-pressed", "false");
  await mark.click();
  await expect(mark).toHaveAttribute("aria-pressed", "true");
  await expect(diagram.summary).toHaveText("2 shapes (2 stores), 1 arrow");
  await diagram.saved();
  expect((await storedDiagram(page, id)).nodes.map((n) => n.kind)).toEqual(["store", "store"]);
});

test("on a 390 px phone the diagram is behind a switch, fits the width, and follows the dark theme", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  const home = new HomePage(page);
  await home.goto();
  await home.startInterview("video-recommendation", "senior");
  const chat = page.getByTestId("show-chat");
  const show = page.getByTestId("show-diagram");
  await expect(chat).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("diagram-panel")).toBeHidden();
  await show.click();
  await expect(show).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("composer")).toBeHidden();
  const diagram = new DiagramPanel(page);
  await diagram.ready();
  await expect(page.locator(".excalidraw.theme--dark")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/diagram-phone-dark.png" });
  await chat.click();
  await expect(page.getByTestId("composer")).toBeVisible();
  await expect(page.getByTestId("diagram-panel")).toBeHidden();
  // A report's link to the diagram (#diagram) shows it.
  await page.evaluate(() => {
    window.location.hash = "diagram";
  });
  await expect(show).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("diagram-panel")).toBeVisible();
});

test("after the interview ends the diagram is shown read-only", async ({ page }) => {
  const { diagram } = await startInterview(page);
  await diagram.pasteMermaid(FUNNEL);
  await diagram.saved();
  await page.getByTestId("end-interview").click();
  await page.getByTestId("confirm-end").click();
  await expect(page.getByTestId("score-report")).toBeVisible();
  await page.reload();
  await diagram.ready();
  await expect(diagram.summary).toHaveText("4 shapes (1 store), 3 arrows");
  await expect(page.getByRole("button", { name: "Paste Mermaid" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Export Mermaid" })).toBeVisible();
  await expect(page.locator(".excalidraw.excalidraw--view-mode")).toBeVisible();
});

test("a save refused because another tab saved first loads that tab's diagram and says so", async ({ page }) => {
  const { id, diagram } = await startInterview(page);
  // A second tab opened before the first one saves: it still builds on revision 0.
  const other = await page.context().newPage();
  await other.goto(`/interview/${id}`);
  const stale = new DiagramPanel(other);
  await stale.ready();

  await diagram.pasteMermaid(FUNNEL);
  await diagram.saved();
  await stale.pasteMermaid("flowchart TD\n  a[Logs] --> b[Training]");
  await expect(stale.status).toHaveText(
    "Not saved: the diagram was changed in another tab or window, so that version is shown now.",
  );
  await expect(stale.summary).toHaveText("4 shapes (1 store), 3 arrows");
  expect(labels(await storedDiagram(page, id))).toEqual(FUNNEL_LABELS);

  // Its next change builds on the revision it loaded, so it is saved.
  await stale.pasteMermaid("flowchart TD\n  a[Logs] --> b[Training]");
  await stale.saved();
  expect(labels(await storedDiagram(page, id))).toEqual(["Logs", "Training"]);
  await other.close();
});

test("a change not yet saved is sent when the page is left", async ({ page }) => {
  const { id, diagram } = await startInterview(page);
  await diagram.pasteMermaid(FUNNEL);
  await expect(diagram.status).toHaveText("Saving…");
  // Well inside the save delay: only the flush on leaving can store it.
  await page.goto("/history");
  await expect.poll(async () => labels(await storedDiagram(page, id))).toEqual(FUNNEL_LABELS);
});

test("the canvas follows the app's theme toggle", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const { diagram } = await startInterview(page);
  const excalidraw = diagram.canvas.locator(".excalidraw");
  await expect(excalidraw).not.toHaveClass(/theme--dark/);
  const toggle = page.getByTestId("theme-toggle");
  // System (light here), then light, then dark.
  await toggle.click();
  await toggle.click();
  await expect(toggle).toHaveAttribute("data-preference", "dark");
  await expect(excalidraw).toHaveClass(/theme--dark/);
});

test("the keyboard reaches the diagram's buttons and the canvas, and Tab leads out of it again", async ({ page }) => {
  await startInterview(page);
  await page.getByRole("button", { name: "Export Mermaid" }).focus();
  const inCanvas = () => page.evaluate(() => Boolean(document.activeElement?.closest(".excalidraw")));
  let reached = false;
  for (let stop = 0; stop < 10 && !reached; stop++) {
    await page.keyboard.press("Tab");
    reached = await inCanvas();
  }
  expect(reached, "Tab reaches the canvas").toBe(true);
  let left = false;
  for (let stop = 0; stop < 60 && !left; stop++) {
    await page.keyboard.press("Tab");
    left = !(await inCanvas());
  }
  expect(left, "Tab leads out of the canvas").toBe(true);
});
