/**
 * The pieces of one flowchart statement, read by hand at a position of the line: node shapes and
 * links. Every scan moves forward with indexOf or a bounded check, so a 200,000-character line is
 * read in linear time (a regular expression over the whole statement could backtrack).
 */
import { type DiagramNodeKind, DiagramParseError } from "@/lib/diagram/types";
import { decodeLabel } from "./labels";

interface ShapeSyntax {
  open: string;
  close: string[];
  kind: DiagramNodeKind;
}

// Longest opener first: "[(" is a cylinder (a store), "[" alone a box.
const SHAPES: ShapeSyntax[] = [
  { open: "(((", close: [")))"], kind: "component" },
  { open: "([", close: ["])"], kind: "component" },
  { open: "[[", close: ["]]"], kind: "component" },
  { open: "[(", close: [")]"], kind: "store" },
  { open: "[/", close: ["/]", "\\]"], kind: "component" },
  { open: "[\\", close: ["\\]", "/]"], kind: "component" },
  { open: "((", close: ["))"], kind: "component" },
  { open: "{{", close: ["}}"], kind: "component" },
  { open: "[", close: ["]"], kind: "component" },
  { open: "(", close: [")"], kind: "component" },
  { open: "{", close: ["}"], kind: "decision" },
  { open: ">", close: ["]"], kind: "component" },
];

export interface Shape {
  kind: DiagramNodeKind;
  label: string;
  end: number;
}

/** Where a parse of one line stands: the text, the 1-based line number, and the error to raise. */
export class LineReader {
  constructor(
    readonly text: string,
    readonly line: number,
  ) {}

  fail(message: string): never {
    throw new DiagramParseError(message, this.line);
  }

  skipSpaces(pos: number): number {
    let i = pos;
    while (i < this.text.length && (this.text[i] === " " || this.text[i] === "\t")) i += 1;
    return i;
  }

  /** A label between `pos` and one of `closers`: quoted ("text with (parens)") or plain. */
  readEnclosed(pos: number, closers: string[], what: string): { label: string; end: number } {
    const start = this.skipSpaces(pos);
    if (this.text[start] === '"') {
      const quote = this.text.indexOf('"', start + 1);
      if (quote < 0) this.fail(`The quoted ${what} at column ${start + 1} has no closing quote (").`);
      const after = this.skipSpaces(quote + 1);
      const closer = closers.find((c) => this.text.startsWith(c, after));
      if (!closer) this.fail(`Expected "${closers[0]}" after the quoted ${what} at column ${after + 1}.`);
      return { label: decodeLabel(this.text.slice(start + 1, quote)), end: after + closer.length };
    }
    let best = -1;
    let closer = "";
    for (const c of closers) {
      const at = this.text.indexOf(c, start);
      if (at >= 0 && (best < 0 || at < best)) [best, closer] = [at, c];
    }
    if (best < 0) this.fail(`The ${what} opened at column ${pos} is not closed with "${closers[0]}" on this line.`);
    return { label: decodeLabel(this.text.slice(start, best)), end: best + closer.length };
  }

  /** The shape drawn right after a node id, if any. */
  readShape(pos: number): Shape | null {
    const syntax = SHAPES.find((s) => this.text.startsWith(s.open, pos));
    if (!syntax) return null;
    const { label, end } = this.readEnclosed(pos + syntax.open.length, syntax.close, "label");
    return { kind: syntax.kind, label, end };
  }

  /** A link at `pos` ("-->", "-.->", "==>", "-- label -->", "<-->", "~~~"), or null when there is none. */
  readLink(pos: number): Link | null {
    const t = this.text;
    let i = pos;
    if (t[i] === "<" && (t[i + 1] === "-" || t[i + 1] === "=")) i += 1;
    const c = t[i];
    if (c === "~") {
      const end = run(t, i, "~");
      return end - i >= 3 ? { end, dashed: false, invisible: true, label: null } : null;
    }
    if (c !== "-" && c !== "=") return null;
    const end = run(t, i, c);
    if (c === "-" && t[end] === ".") {
      const dots = run(t, end, ".");
      if (t[dots] === "-") return { end: this.head(dots + 1), dashed: true, invisible: false, label: null };
      // "-. label .->": the text runs to the next ".-".
      const close = t.indexOf(".-", dots);
      if (close < 0) this.fail(`The dotted link label at column ${pos + 1} is not closed with ".->" or ".-".`);
      const last = run(t, close + 1, "-");
      return { end: this.head(last), dashed: true, invisible: false, label: decodeLabel(t.slice(dots, close)) };
    }
    if (end - i < 2) return null;
    if (isHead(t, end)) return { end: end + 1, dashed: false, invisible: false, label: null };
    if (end - i >= 3) return { end, dashed: false, invisible: false, label: null };
    // "-- label -->" and "== label ==>": the text runs to the next "--" ("==").
    const close = t.indexOf(c + c, end);
    if (close < 0) this.fail(`The link label at column ${pos + 1} is not closed with "${c}${c}>" or "${c}${c}${c}".`);
    const last = run(t, close, c);
    if (!isHead(t, last) && last - close < 3)
      this.fail(`Expected "${c}${c}>" to end the link label at column ${close + 1}.`);
    const label = decodeLabel(t.slice(end, close));
    return { end: isHead(t, last) ? last + 1 : last, dashed: false, invisible: false, label };
  }

  /** Past the arrow head at `pos`, if there is one (dotted links may have none: "-.-"). */
  private head(pos: number): number {
    return isHead(this.text, pos) ? pos + 1 : pos;
  }
}

export interface Link {
  end: number;
  dashed: boolean;
  /** "~~~": a layout hint, no arrow. */
  invisible: boolean;
  label: string | null;
}

function run(text: string, pos: number, char: string): number {
  let i = pos;
  while (text[i] === char) i += 1;
  return i;
}

/** ">" always ends a link; "o" and "x" (circle, cross) only when no id goes on after them. */
function isHead(text: string, pos: number): boolean {
  const c = text[pos];
  if (c === ">") return true;
  if (c !== "o" && c !== "x") return false;
  return !/[\p{L}\p{N}_]/u.test(text[pos + 1] ?? "");
}
