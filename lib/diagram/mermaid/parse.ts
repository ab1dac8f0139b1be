/**
 * A reader for the flowchart subset of Mermaid that candidates type or paste (issue 16), into
 * the diagram's text form. Mermaid's own parser needs a DOM (DOMPurify) and about a second to
 * load; this one is small, linear in the input, and names the line and what it expected.
 */
import { readAnnotations } from "@/lib/diagram/annotations";
import {
  type DiagramEdge,
  type DiagramNodeKind,
  DiagramParseError,
  type DiagramText,
  MAX_DIAGRAM_ELEMENTS,
  MAX_MERMAID_CHARS,
} from "@/lib/diagram/types";
import { decodeLabel } from "./labels";
import { LineReader } from "./syntax";

/** The class the emitter puts on notes (Mermaid has no free text on a flowchart). */
export const NOTE_CLASS = "note";
/** The class of a stand-in for a missing arrow end (Mermaid arrows need a node at both ends). */
export const DANGLING_CLASS = "dangling";

const HEADER = /^(?:flowchart|graph)(?:[ \t]+(?:TD|TB|LR|RL|BT))?[ \t]*(?=;|$)/iy;
const IGNORED = new Set(["classdef", "style", "linkstyle", "click", "direction", "acctitle", "accdescr"]);
const WORD = /[A-Za-z]+/y;
const ID = /[\p{L}\p{N}_](?:[\p{L}\p{N}_]|-(?=[\p{L}\p{N}_]))*/uy;
const CLASS_SUFFIX = /:::([\p{L}\p{N}_-]+)/uy;

interface Draft {
  id: string;
  kind: DiagramNodeKind;
  label: string;
  labelled: boolean;
  group: string | null;
  classes: Set<string>;
}

/** The flowchart `source` as a diagram; a DiagramParseError names the first line it cannot read. */
export function parseMermaid(source: string): DiagramText {
  if (source.length > MAX_MERMAID_CHARS) {
    throw new DiagramParseError(
      `The diagram is ${source.length.toLocaleString("en-US")} characters long; at most ${MAX_MERMAID_CHARS.toLocaleString("en-US")} can be read.`,
      null,
    );
  }
  return new FlowchartReader().read(source);
}

class FlowchartReader {
  private readonly nodes = new Map<string, Draft>();
  private readonly edges: Array<Omit<DiagramEdge, "annotations">> = [];
  private readonly open: Array<{ id: string; title: string; line: number }> = [];
  private readonly subgraphTitles = new Map<string, string>();
  private r: LineReader = new LineReader("", 0);

  read(source: string): DiagramText {
    const lines = source.split(/\r\n|\r|\n/);
    let header = false;
    let frontMatter = false;
    for (let index = 0; index < lines.length; index += 1) {
      this.r = new LineReader(lines[index] ?? "", index + 1);
      const trimmed = this.r.text.trim();
      // A YAML block between "---" lines may open the diagram (a title, a config); it holds no shapes.
      if (!header && trimmed === "---") frontMatter = !frontMatter;
      if (frontMatter || trimmed === "---" || trimmed === "" || trimmed.startsWith("%%")) continue;
      if (header) {
        this.statements(this.r.skipSpaces(0));
        continue;
      }
      const start = this.r.skipSpaces(0);
      HEADER.lastIndex = start;
      if (!HEADER.exec(this.r.text)) {
        this.r.fail(
          'Expected the diagram to start with "flowchart" or "graph" and a direction (TD, TB, LR, RL or BT).',
        );
      }
      header = true;
      this.statements(HEADER.lastIndex);
    }
    if (!header)
      throw new DiagramParseError('The diagram is empty: expected a first line such as "flowchart LR".', null);
    const unclosed = this.open.at(-1);
    if (unclosed) {
      throw new DiagramParseError(`The subgraph "${unclosed.title}" is never closed with "end".`, unclosed.line);
    }
    return this.build();
  }

  /** The statements of one line from `pos`, separated by ";". */
  private statements(pos: number): void {
    const t = this.r.text;
    let i = pos;
    while (i < t.length) {
      i = this.r.skipSpaces(i);
      if (i >= t.length) return;
      if (t[i] === ";") {
        i += 1;
        continue;
      }
      WORD.lastIndex = i;
      const word = WORD.exec(t)?.[0] ?? "";
      const after = t[i + word.length];
      const keyword = after === undefined || after === " " || after === "\t" || after === ";" ? word.toLowerCase() : "";
      // These keywords take the rest of the line.
      if (keyword === "subgraph") this.subgraph(t.slice(i + word.length));
      if (keyword === "class") this.classLine(t.slice(i + word.length));
      if (keyword === "subgraph" || keyword === "class" || IGNORED.has(keyword)) return;
      if (keyword === "end") {
        if (!this.open.pop()) this.r.fail('Found "end" with no subgraph open.');
        i += word.length;
        continue;
      }
      i = this.statement(i);
    }
  }

  /** `A & B --> C -->|label| D`: node groups joined by links. Returns where it stopped. */
  private statement(pos: number): number {
    let [from, i] = this.nodeGroup(pos);
    for (;;) {
      i = this.r.skipSpaces(i);
      const link = this.r.readLink(i);
      if (!link) break;
      let label = link.label ?? "";
      i = this.r.skipSpaces(link.end);
      if (this.r.text[i] === "|") {
        const piped = this.r.readEnclosed(i + 1, ["|"], "link label");
        [label, i] = [piped.label, piped.end];
      }
      const [to, next] = this.nodeGroup(this.r.skipSpaces(i));
      if (!link.invisible) {
        if (this.nodes.size + this.edges.length + from.length * to.length > MAX_DIAGRAM_ELEMENTS) {
          this.r.fail(`The diagram has more than ${MAX_DIAGRAM_ELEMENTS} shapes and arrows; split it up.`);
        }
        for (const a of from) for (const b of to) this.edges.push({ from: a, to: b, label, dashed: link.dashed });
      }
      [from, i] = [to, next];
    }
    const c = this.r.text[i];
    if (c !== undefined && c !== ";") {
      this.r.fail(`Expected an arrow (such as -->), ";" or the end of the line at column ${i + 1}, found "${c}".`);
    }
    return i;
  }

  private nodeGroup(pos: number): [string[], number] {
    const ids: string[] = [];
    let i = pos;
    for (;;) {
      const [id, end] = this.node(i);
      ids.push(id);
      i = this.r.skipSpaces(end);
      if (this.r.text[i] !== "&") return [ids, end];
      i = this.r.skipSpaces(i + 1);
    }
  }

  /** One node reference, with its shape and `:::class` when written. */
  private node(pos: number): [string, number] {
    const t = this.r.text;
    ID.lastIndex = pos;
    const id = ID.exec(t)?.[0];
    if (!id) {
      const found = t[pos] === undefined ? "the end of the line" : `"${t[pos]}"`;
      this.r.fail(`Expected a node id (letters, digits, _ or -) at column ${pos + 1}, found ${found}.`);
    }
    let i = pos + id.length;
    const shape = this.r.readShape(i);
    if (this.nodes.size >= MAX_DIAGRAM_ELEMENTS && !this.nodes.has(id)) {
      this.r.fail(`The diagram has more than ${MAX_DIAGRAM_ELEMENTS} shapes and arrows; split it up.`);
    }
    const group = this.open.at(-1)?.title ?? null;
    const draft = this.nodes.get(id) ?? {
      id,
      kind: "component",
      label: id,
      labelled: false,
      group,
      classes: new Set(),
    };
    this.nodes.set(id, draft);
    draft.group ??= group;
    if (shape) [draft.kind, draft.label, draft.labelled, i] = [shape.kind, shape.label, true, shape.end];
    CLASS_SUFFIX.lastIndex = i;
    const cls = CLASS_SUFFIX.exec(t);
    if (cls?.[1]) {
      draft.classes.add(cls[1]);
      i += cls[0].length;
    }
    return [id, i];
  }

  /** `subgraph id [title]`, `subgraph id["title"]`, `subgraph "title"` or `subgraph Some title`. */
  private subgraph(rest: string): void {
    const text = rest.trim().replace(/;$/, "").trimEnd();
    if (!text) this.r.fail('Expected a title or an id after "subgraph".');
    const bracket = text.indexOf("[");
    let id = text;
    let title = decodeLabel(text.replace(/^"(.*)"$/s, "$1"));
    if (bracket > 0 && text.endsWith("]")) {
      id = text.slice(0, bracket).trim();
      title = decodeLabel(
        text
          .slice(bracket + 1, -1)
          .trim()
          .replace(/^"(.*)"$/s, "$1"),
      );
    }
    this.subgraphTitles.set(id, title);
    this.open.push({ id, title, line: this.r.line });
  }

  /** `class A,B note`: only the note and dangling classes mean anything here. */
  private classLine(rest: string): void {
    const [ids, name] = rest.trim().replace(/;$/, "").split(/\s+/);
    if (!ids || !name) this.r.fail('Expected "class", node ids separated by commas, and a class name.');
    for (const id of ids.split(",")) this.nodes.get(id.trim())?.classes.add(name);
  }

  private build(): DiagramText {
    const dangling = new Set([...this.nodes.values()].filter((n) => n.classes.has(DANGLING_CLASS)).map((n) => n.id));
    const nodes = [...this.nodes.values()]
      .filter((n) => !dangling.has(n.id))
      .map((n) => {
        // A link to a subgraph by its id names the subgraph: its title is the label.
        const label = n.labelled ? n.label : (this.subgraphTitles.get(n.id) ?? n.label);
        const kind = n.classes.has(NOTE_CLASS) ? "note" : n.kind;
        return { id: n.id, kind, label, annotations: readAnnotations(label), group: n.group };
      });
    const end = (id: string | null) => (id === null || dangling.has(id) ? null : id);
    const edges = this.edges.map((e) => ({
      ...e,
      from: end(e.from),
      to: end(e.to),
      annotations: readAnnotations(e.label),
    }));
    return { nodes, edges };
  }
}
