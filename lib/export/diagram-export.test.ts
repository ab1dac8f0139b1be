import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { diagramToScene } from "@/lib/diagram/excalidraw/from-text";
import { readScene } from "@/lib/diagram/excalidraw/scene";
import { sceneToDiagram } from "@/lib/diagram/excalidraw/to-text";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { STEP_IDS, type StepId } from "@/lib/framework";
import { transcriptSchema } from "@/lib/scoring/schema";
import type { InterviewView } from "@/lib/types";
import { exportJson } from "./to-json";
import { exportMarkdown } from "./to-markdown";
import { exportPdf } from "./to-pdf";

const view: InterviewView = {
  id: "interview-1",
  scenarioId: "video-recommendation",
  scenarioTitle: "Video recommendations",
  level: "senior",
  status: "completed",
  currentStep: "monitoring",
  turns: [
    { id: "t0", role: "interviewer", step: "clarify-requirements", content: "Draw the system." },
    { id: "t1", role: "candidate", step: "clarify-requirements", content: "See the diagram." },
  ],
  ledger: [],
  stepStartedAt: "2025-03-14T10:00:00.000Z",
  stepBudgetsMs: Object.fromEntries(STEP_IDS.map((step) => [step, 300_000])) as Record<StepId, number>,
  coverage: {},
  report: null,
  createdAt: "2025-03-14T09:30:00.000Z",
  eventSeq: 0,
};

const scene = diagramToScene(
  parseMermaid(`flowchart TD
  R[Candidate retrieval] -->|1000 to 100| K[Ranking <b>model</b>]
  FS[(Feature store)] -.-> K
  K --> D{Fresh? 视频}`),
);
const rubricTitles = {};

/** The text a PDF shows: pdf-lib writes standard-font text as `<hex> Tj` in flate-compressed content streams. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    const lines: string[] = [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const source = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      for (const match of source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        lines.push(Buffer.from(match[1] ?? "", "hex").toString("latin1"));
      }
    }
    return lines.join("\n");
  });
}

describe("exports with a diagram", () => {
  it("Markdown has a Diagram section with the SVG as a data URI and the diagram as Mermaid", () => {
    const md = exportMarkdown({ view, rubricTitles, diagram: scene });
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(["Diagram", "Transcript"]);

    const image = md.match(/^!\[([^\n]*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)$/m);
    expect(image?.[1]).toBe(
      // In reading order of the laid-out drawing: the store sits in the top row beside retrieval.
      "Diagram: 4 components: Feature store, Candidate retrieval, Ranking <b>model</b>, Fresh? 视频",
    );
    const svg = Buffer.from(image?.[2] ?? "", "base64").toString("utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Ranking &lt;b&gt;model&lt;/b&gt;");

    const block = md.match(/^```mermaid\n([\s\S]*?)\n```$/m)?.[1] ?? "";
    expect(block.startsWith("flowchart LR")).toBe(true);
    const back = parseMermaid(block);
    expect(back.nodes.map((n) => n.label).sort()).toEqual(
      sceneToDiagram(scene)
        .nodes.map((n) => n.label)
        .sort(),
    );
    expect(back.edges.map((e) => [e.label, e.dashed]).sort()).toEqual([
      ["", false],
      ["", true],
      ["1000 to 100", false],
    ]);
  });

  it("Markdown without a diagram has no Diagram section", () => {
    expect(exportMarkdown({ view, rubricTitles })).not.toContain("## Diagram");
    expect(exportMarkdown({ view, rubricTitles, diagram: null })).not.toContain("data:image");
  });

  it("keeps a label from ending the image's alt text or the Mermaid fence", () => {
    const evil = diagramToScene({
      nodes: [
        {
          id: "a",
          kind: "component",
          label: "a] (x) ```\n## not a heading",
          annotations: { quantities: [], countChange: null },
          group: null,
        },
      ],
      edges: [],
    });
    const md = exportMarkdown({ view, rubricTitles, diagram: evil });
    expect(md).toContain("![Diagram: 1 component: a\\] (x) ``` ## not a heading](data:image/svg+xml;base64,");
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(["Diagram", "Transcript"]);
    const block = md.match(/^```mermaid\n([\s\S]*?)\n```$/m)?.[1] ?? "";
    expect(parseMermaid(block).nodes.map((n) => n.label)).toEqual(["a] (x) ``` ## not a heading"]);
  });

  it("JSON carries the diagram as the format's Mermaid field and the scene beside it, and neither without one", () => {
    const parsed = JSON.parse(exportJson({ view, diagram: scene }));
    const document = transcriptSchema.parse(parsed);
    expect(document.diagram).toMatch(/^flowchart LR\n/);
    expect(parseMermaid(document.diagram ?? "").nodes.map((n) => n.label)).toContain("Candidate retrieval");
    expect(readScene(parsed.diagramScene)).toEqual(scene);

    const plain = JSON.parse(exportJson({ view }));
    expect(transcriptSchema.safeParse(plain).success).toBe(true);
    expect(plain).not.toHaveProperty("diagram");
    expect(plain).not.toHaveProperty("diagramScene");
  });

  it("PDF gains one page with the diagram's labels drawn on it, and survives characters it cannot encode", async () => {
    const without = await PDFDocument.load(await exportPdf({ view, rubricTitles }));
    const bytes = await exportPdf({ view, rubricTitles, diagram: scene });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(without.getPageCount() + 1);

    const texts = await pageTexts(bytes);
    const last = texts.at(-1) ?? "";
    expect(last).toContain("Diagram");
    for (const label of ["Candidate retrieval", "Ranking <b>model</b>", "Feature store", "1000 to 100"]) {
      expect(last).toContain(label);
    }
    expect(last).toContain("Fresh? ");
    expect(last).not.toContain("视频");
    expect(texts.slice(0, -1).join("\n")).not.toContain("Feature store");
  });
});
