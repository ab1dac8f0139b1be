import { z } from "zod";
import type { Quantity } from "@/lib/understanding/types";

/**
 * The text form of a design diagram (issue 16): what the interviewer, the checks and the scorer
 * read, whatever drew it (a Mermaid flowchart typed or pasted, or the Excalidraw canvas). Labels
 * are kept as written; annotations are the quantities read from them ("p99 20 ms", "500
 * candidates", "1000 to 100", "10 TB").
 */
export const DIAGRAM_NODE_KINDS = [
  /** A box: a service, a model, a stage. */
  "component",
  /** A cylinder or anything drawn as storage: a database, a feature store, a log, an index. */
  "store",
  /** A decision (a diamond). */
  "decision",
  /** Text standing alone, not inside a shape: a note on the canvas. */
  "note",
] as const;
export type DiagramNodeKind = (typeof DIAGRAM_NODE_KINDS)[number];

/** A "from N to M" on a label: a stage that narrows (or widens) a candidate set. */
export interface CountChange {
  from: number;
  to: number;
  /** The span as written ("1000 to 100", "10k → 500"). */
  text: string;
}

/** What a label says in numbers: its quantities, and any "from N to M" it states. */
export interface Annotations {
  quantities: Quantity[];
  countChange: CountChange | null;
}

export interface DiagramNode {
  /** Stable within one diagram: the Mermaid id, or the Excalidraw element id. */
  id: string;
  kind: DiagramNodeKind;
  /** As written, without markup; "" for an unlabelled shape. */
  label: string;
  annotations: Annotations;
  /** The Mermaid subgraph (or Excalidraw frame) it sits in, by its label, if any. */
  group: string | null;
}

export interface DiagramEdge {
  /** Node ids; an arrow that touches no shape at one end has null there. */
  from: string | null;
  to: string | null;
  label: string;
  annotations: Annotations;
  /** Dashed or dotted: often an offline or asynchronous path (training from logs). */
  dashed: boolean;
}

export interface DiagramText {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** A diagram a parser could not read: a sentence, and the 1-based line it failed on when known. */
export class DiagramParseError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.name = "DiagramParseError";
  }
}

export const DIAGRAM_FINDING_KINDS = [
  "missing-component",
  "latency-over-budget",
  "counts-not-narrowing",
  "unexplained-component",
  "number-mismatch",
] as const;
export type DiagramFindingKind = (typeof DIAGRAM_FINDING_KINDS)[number];

export const diagramFindingSchema = z.object({
  kind: z.enum(DIAGRAM_FINDING_KINDS),
  /** A sentence for the candidate, naming what it is about (the component, the sum, the labels). */
  message: z.string().min(1),
  /** A stable key, so the interviewer never raises the same point twice. */
  key: z.string().min(1),
  /** The node and edge labels it is about, as written. */
  labels: z.array(z.string()),
});
export type DiagramFinding = z.infer<typeof diagramFindingSchema>;

/** Limits a diagram is refused beyond (issue 16: "say 2 MB or 5,000 elements"). */
export const MAX_DIAGRAM_ELEMENTS = 5000;
export const MAX_DIAGRAM_BYTES = 2 * 1024 * 1024;
export { MAX_MERMAID_CHARS } from "@/lib/domain/transcript";
