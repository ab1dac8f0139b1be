import { PageSizes, PDFDocument, type PDFFont, type PDFPage, type RGB, rgb, StandardFonts } from "pdf-lib";
import { STEP_TITLES, type StepId } from "@/lib/framework";
import type { ScoreReport } from "@/lib/scoring/schema";
import { drawDiagram } from "./pdf-diagram";
import type { ExportInput } from "./to-markdown";

const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const ACCENT = rgb(0.31, 0.27, 0.9);
const RULE = rgb(0.82, 0.82, 0.85);

/** Typographic characters the standard fonts could encode, spelled in ASCII so the PDF reads like the Markdown. */
const ASCII_GROUPS: Array<[string, string]> = [
  ["\u2018\u2019\u201A\u201B\u2032", "'"],
  ["\u201C\u201D\u201E\u201F\u2033", '"'],
  ["\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"],
  ["\u00A0\u2007\u2009\u202F", " "],
  ["\u00AD\u200B\uFEFF", ""],
  ["\u2026", "..."],
  ["\t", "    "],
  ["\u2264", "<="],
  ["\u2265", ">="],
  ["\u2260", "!="],
  ["\u2248", "~"],
  ["\u2192", "->"],
  ["\u2190", "<-"],
];
const ASCII_FOR = new Map(ASCII_GROUPS.flatMap(([chars, ascii]) => [...chars].map((char) => [char, ascii] as const)));

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

interface Style {
  font?: keyof Fonts;
  size?: number;
  color?: RGB;
  indent?: number;
  /** Space after the block, in points. */
  after?: number;
  /** Draw a quote bar left of every line, as a blockquote. */
  bar?: boolean;
}

/**
 * Writes text top to bottom, wrapping lines to the page width and starting a new page when the
 * current one is full. Standard fonts only encode WinAnsi, so all text goes through `sanitise`.
 */
class Flow {
  private page: PDFPage;
  private y = 0;
  private readonly width: number;
  private readonly encodable: Set<number>;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = this.newPage();
    this.width = this.page.getWidth() - 2 * MARGIN;
    this.encodable = new Set(fonts.regular.getCharacterSet());
  }

  /** Replaces what WinAnsi lacks by ASCII, or by its decomposed letters (é stays, ő becomes o), or drops it. */
  sanitise(text: string): string {
    let out = "";
    for (const char of text.replace(/\r\n?/g, "\n")) {
      const replacement = ASCII_FOR.get(char);
      if (replacement !== undefined) out += replacement;
      else if (char === "\n" || this.encodable.has(char.codePointAt(0) ?? 0)) out += char;
      else {
        for (const part of char.normalize("NFKD")) if (this.encodable.has(part.codePointAt(0) ?? 0)) out += part;
      }
    }
    return out;
  }

  text(text: string, style: Style = {}): void {
    const font = this.fonts[style.font ?? "regular"];
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.4;
    for (const line of wrap(this.sanitise(text), font, size, this.width - indent - (style.bar ? 10 : 0))) {
      this.ensure(lineHeight);
      const x = MARGIN + indent;
      if (style.bar) this.page.drawRectangle({ x, y: this.y - lineHeight, width: 2, height: lineHeight, color: RULE });
      this.page.drawText(line, {
        x: x + (style.bar ? 10 : 0),
        y: this.y - size,
        font,
        size,
        color: style.color ?? INK,
      });
      this.y -= lineHeight;
    }
    this.y -= style.after ?? 4;
  }

  /** A heading never ends a page: it moves on with room for a few lines after it. */
  heading(text: string, size: number): void {
    this.ensure(size * 1.4 + 40);
    this.y -= size * 0.6;
    this.text(text, { font: "bold", size, after: size * 0.4 });
  }

  /** One row of a two-column table: a label and a right-aligned value with a proportional bar. */
  row(label: string, value: string, fraction: number | null, bold = false): void {
    const size = 10;
    const font = bold ? this.fonts.bold : this.fonts.regular;
    this.ensure(size * 1.8);
    const baseline = this.y - size;
    this.page.drawText(this.sanitise(label), { x: MARGIN, y: baseline, font, size, color: INK });
    const text = this.sanitise(value);
    const right = MARGIN + this.width;
    this.page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y: baseline, font, size, color: INK });
    if (fraction !== null) {
      const x = MARGIN + this.width * 0.5;
      const width = this.width * 0.4;
      this.page.drawRectangle({ x, y: baseline, width, height: 6, color: RULE });
      this.page.drawRectangle({ x, y: baseline, width: width * fraction, height: 6, color: ACCENT });
    }
    this.y -= size * 1.8;
    this.page.drawLine({ start: { x: MARGIN, y: this.y + 4 }, end: { x: right, y: this.y + 4 }, color: RULE });
  }

  /** A page of its own under a heading, the rest of it handed to `draw` as a box (left, top, width, height). */
  fullPage(
    title: string,
    draw: (page: PDFPage, area: { left: number; top: number; width: number; height: number }) => void,
  ): void {
    this.page = this.newPage();
    this.heading(title, 16);
    // Room is left at the foot for the page number.
    draw(this.page, { left: MARGIN, top: this.y, width: this.width, height: this.y - MARGIN });
    this.y = MARGIN;
  }

  /** Page numbers go on last, once the page count is known. */
  finish(): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const label = `Page ${i + 1} of ${pages.length}`;
      const width = this.fonts.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, { x: (page.getWidth() - width) / 2, y: MARGIN / 2, font: this.fonts.regular, size: 8 });
    });
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(PageSizes.A4);
    this.y = page.getHeight() - MARGIN;
    return page;
  }
}

/** Greedy word wrap; a word wider than the line (a URL, a hash) is cut where it overflows. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const joined = line ? `${line} ${word}` : word;
      if (fits(joined)) {
        line = joined;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      for (const char of word) {
        if (line && !fits(line + char)) {
          lines.push(line);
          line = "";
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The interview as a PDF file with the same content as the Markdown export. Built with pdf-lib and
 * its standard fonts, so it needs no font files and runs the same in Node and in the browser.
 */
export async function exportPdf({ view, rubricTitles, displayName, diagram }: ExportInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Probe: ${view.scenarioTitle}`);
  doc.setCreator("Probe");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const flow = new Flow(doc, {
    regular,
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  });

  flow.text(`Probe: ${view.scenarioTitle}`, { font: "bold", size: 20, after: 6 });
  const level = view.level.charAt(0).toUpperCase() + view.level.slice(1);
  const meta = [`Level: ${level}`, `Date: ${view.createdAt.slice(0, 10)}`];
  if (displayName) meta.push(`Candidate: ${displayName}`);
  flow.text(meta.join(" \u00B7 "), { color: MUTED, after: 10 });

  if (view.report) writeReport(flow, view.report, (id) => rubricTitles[id] ?? id);
  else flow.text(view.status === "active" ? "The interview is still in progress; no score yet." : "No score report.");

  flow.heading("Transcript", 16);
  let step: StepId | undefined;
  for (const turn of view.turns) {
    if (turn.step && turn.step !== step) {
      step = turn.step;
      flow.heading(STEP_TITLES[step], 12);
    }
    flow.text(turn.role === "interviewer" ? "Interviewer:" : "Candidate:", { font: "bold", after: 1 });
    flow.text(turn.content.trim(), { after: 8 });
  }
  // Last, on a page of its own: drawn to fit one page, it never splits across two.
  if (diagram) {
    flow.fullPage("Diagram", (page, area) =>
      drawDiagram(page, diagram, { font: regular, sanitise: (text) => flow.sanitise(text), area }),
    );
  }
  flow.finish();
  return doc.save();
}

function writeReport(flow: Flow, report: ScoreReport, title: (id: string) => string): void {
  flow.heading("Score", 16);
  flow.text(`Overall: ${report.overall}/100`, { font: "bold", size: 14, after: 2 });
  const signal = report.levelSignal.replace("-", " ");
  flow.text(`Reads at ${signal} level against a ${report.level} bar`, { color: MUTED, after: 8 });
  flow.row("Step", "Score", null, true);
  for (const step of report.steps) flow.row(STEP_TITLES[step.step], String(step.score), step.score / 100);

  report.steps.forEach((step, i) => {
    flow.heading(`${i + 1}. ${STEP_TITLES[step.step]} (${step.score}/100)`, 13);
    flow.text(step.feedback, { after: 6 });
    if (step.covered.length > 0) flow.text("Covered", { font: "bold", after: 2 });
    for (const c of step.covered) {
      flow.text(`${title(c.rubricId)}${c.credit < 1 ? " (partly)" : ""}`, { indent: 8, after: 1 });
      flow.text(c.quote, { font: "italic", color: MUTED, indent: 8, bar: true, after: 4 });
    }
    if (step.missing.length > 0) flow.text("Missing", { font: "bold", after: 2 });
    for (const id of step.missing) flow.text(`- ${title(id)}`, { indent: 8, after: 1 });
    if (step.lost.length > 0) flow.text("Lost to a common mistake", { font: "bold", after: 2 });
    for (const l of step.lost) {
      flow.text(`${title(l.rubricId)}: ${l.mistake}`, { indent: 8, after: 1 });
      flow.text(l.quote, { font: "italic", color: MUTED, indent: 8, bar: true, after: 4 });
    }
    if (step.citations.length > 0) flow.text("Read", { font: "bold", after: 2 });
    for (const c of step.citations) flow.text(`- ${c.title} (${c.scenarioId ?? "cross-cutting"})`, { indent: 8 });
  });
  if (report.notes.length > 0) flow.heading("Notes", 13);
  for (const note of report.notes) flow.text(`- ${note}`, { color: MUTED });
}
