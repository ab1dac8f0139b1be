import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { startInterviewWithCanvas } from "./pages/diagram-panel";
import { InterviewPage } from "./pages/interview-page";

/**
 * Issue 16 end to end: a Mermaid funnel pasted on the canvas whose stage latencies add up past
 * the budget the candidate stated in the chat gets the interviewer's question about it; the
 * finished interview's exports and its shared page carry the diagram.
 */

// Wide enough that the canvas sits beside the chat (Tailwind's lg, 1024 px).
test.use({ viewport: { width: 1440, height: 900 } });

const OVER_BUDGET = [
  "flowchart TD",
  "  viewer[Viewer] --> retrieval[Retrieval: 10k to 1000, p99 80 ms]",
  "  retrieval --> ranking[Ranking: multi-task DNN, p99 150 ms]",
  "  ranking --> rerank[Re-ranking: 1000 to 50, p99 30 ms]",
  "  features[(Feature store)] --> ranking",
].join("\n");

async function download(page: Page, testId: string): Promise<Buffer> {
  const pending = page.waitForEvent("download");
  await page.getByTestId(testId).click();
  return readFileSync(await (await pending).path());
}

test("a pasted funnel over the stated budget gets the interviewer's question, and the exports carry the diagram", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { id, diagram } = await startInterviewWithCanvas(page);
  const interview = new InterviewPage(page);
  await interview.answer("The end-to-end latency budget is 200 ms at p99 for the home feed, since it blocks the page.");
  await expect(interview.interviewerTurns().last()).not.toContainText("Looking at your diagram");

  await diagram.pasteMermaid(OVER_BUDGET);
  await expect(diagram.summary).toHaveText("5 shapes (1 store), 4 arrows");
  await diagram.saved();

  await interview.answer("I'd optimise for long-term watch time rather than clicks, because clicks reward clickbait.");
  const question = interview.interviewerTurns().last();
  await expect(question).toContainText("Looking at your diagram");
  await expect(question).toContainText("Retrieval 80 ms + Ranking 150 ms + Re-ranking 30 ms = 260 ms");
  await expect(question).toContainText("above the 200 ms budget");
  expect((await question.textContent())?.trim().endsWith("?")).toBe(true);
  // The note's screenshot: the canvas beside the chat, with the interviewer's question about it.
  await page.screenshot({ path: testInfo.outputPath("canvas-beside-chat.png") });

  // Asked once: the next answer gets the step's own reply, not the same point again.
  await interview.answer("Cold start matters: new uploads get exploration traffic so they can earn impressions.");
  const said = await interview.interviewerTurns().allInnerTexts();
  expect(said.filter((t) => t.includes("= 260 ms"))).toHaveLength(1);

  await interview.endInterview();
  const json = JSON.parse((await download(page, "export-json")).toString("utf8"));
  expect(parseMermaid(json.diagram).nodes.map((n) => n.label)).toContain("Ranking: multi-task DNN, p99 150 ms");
  expect(json.diagramScene.elements.length).toBeGreaterThan(5);
  const markdown = (await download(page, "export-md")).toString("utf8");
  expect(markdown).toContain("## Diagram");
  expect(markdown).toMatch(/!\[Diagram[^\]]*\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
  expect(markdown).toContain("```mermaid");
  const svg = Buffer.from(
    /data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(markdown)?.[1] ?? "",
    "base64",
  ).toString();
  // The image wraps long labels onto lines of their own.
  expect(svg).toContain("Ranking: multi-task DNN,");
  expect(svg).toContain("p99 150 ms");
  const pdf = await PDFDocument.load(await download(page, "export-pdf"));
  expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);

  await page.getByTestId("share-days").selectOption("1");
  await page.getByTestId("create-share").click();
  const shareUrl = (await page.getByTestId("share-url").first().textContent()) ?? "";
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(shareUrl);
  await expect(stranger.getByTestId("transcript-diagram")).toBeVisible();
  await expect(stranger.getByTestId("transcript-diagram").getByRole("img").first()).toHaveAttribute(
    "alt",
    /Ranking: multi-task DNN/,
  );
  // The owner's diagram is theirs: the stranger cannot read it through the API.
  expect((await stranger.request.get(`/api/interviews/${id}/diagram`)).status()).toBe(404);
});
