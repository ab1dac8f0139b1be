/**
 * What reading a diagram costs a turn (issue 16): the interviewer reads the stored scene at every
 * candidate message (scene to text form, the description, the five checks). Measured on chains of
 * boxes with latencies and counts, up to the largest scene a save accepts (2 MB), through the
 * production functions. The first reading of a diagram reads every label; later turns find the
 * unchanged labels already read (lib/diagram/annotations.ts), so both are shown: the first, and
 * the median of the next runs.
 */
import { forgetReadLabels } from "@/lib/diagram/annotations";
import { diagramCheckContext, runDiagramChecks } from "@/lib/diagram/checks";
import { diagramToScene } from "@/lib/diagram/excalidraw/from-text";
import { parseScene } from "@/lib/diagram/excalidraw/scene";
import { sceneToDiagram } from "@/lib/diagram/excalidraw/to-text";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { describeDiagram } from "@/lib/diagram/text-form";
import { MAX_DIAGRAM_BYTES } from "@/lib/diagram/types";
import { getScenario } from "@/lib/scenarios/library";

const RUNS = 5;
const CONVERSATION = [
  { role: "candidate", content: "The end-to-end latency budget is 200 ms at p99." },
  { role: "candidate", content: "Retrieval keeps the top 500 and the ranker scores them in about 60 ms." },
];

function chain(boxes: number): string {
  const lines = ["flowchart TD"];
  for (let i = 0; i < boxes; i++)
    lines.push(`  n${i}["Stage ${i}: ${1000 - (i % 900)} to ${900 - (i % 900)}, p99 ${i % 40} ms"] --> n${i + 1}`);
  return lines.join("\n");
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export interface CostRow {
  boxes: number;
  elements: number;
  bytes: number;
  /** Validating a saved scene (the PUT route's reader). */
  saveCheckMs: number;
  /** What the first turn after a change adds: scene to text, description, checks. */
  firstTurnMs: number;
  /** What a later turn adds while the diagram is unchanged (median). */
  turnMs: number;
}

export function measureCost(): CostRow[] {
  const context = diagramCheckContext(getScenario("video-recommendation"), CONVERSATION);
  const rows: CostRow[] = [];
  for (const boxes of [10, 100, 500, 1000]) {
    const json = JSON.stringify(diagramToScene(parseMermaid(chain(boxes))));
    if (Buffer.byteLength(json) > MAX_DIAGRAM_BYTES) break;
    const save: number[] = [];
    const turn: number[] = [];
    let first = 0;
    for (let run = 0; run <= RUNS; run++) {
      // The first run reads every label as a server does after the diagram changed.
      if (run === 0) forgetReadLabels();
      let start = performance.now();
      const scene = parseScene(json);
      save.push(performance.now() - start);
      start = performance.now();
      const text = sceneToDiagram(scene);
      describeDiagram(text);
      runDiagramChecks(text, context);
      if (run === 0) first = performance.now() - start;
      else turn.push(performance.now() - start);
    }
    rows.push({
      boxes,
      elements: parseScene(json).elements.length,
      bytes: Buffer.byteLength(json),
      saveCheckMs: Number(median(save).toFixed(1)),
      firstTurnMs: Number(first.toFixed(1)),
      turnMs: Number(median(turn).toFixed(1)),
    });
  }
  return rows;
}
