import { labelStems, meetsAny } from "@/lib/diagram/reference/words";
import type { DiagramFinding, DiagramText } from "@/lib/diagram/types";
import { parseQuantities } from "@/lib/understanding/quantities/parse-quantities";
import type { Quantity } from "@/lib/understanding/types";
import type { DiagramCheckContext } from "./context";
import { stageName } from "./paths";

/** Values further apart than this factor contradict each other; closer ones are rounding. */
export const MISMATCH_FACTOR = 1.5;
/** How many characters before a stated quantity may name the stage it is about. */
const WINDOW = 80;

interface Statement {
  sentence: string;
  quantity: Quantity;
  /** Stems of the words before the quantity in its sentence, in order. */
  context: string[];
}

function statedQuantities(statements: string[]): Statement[] {
  return statements.flatMap((text) =>
    text.split(/(?<=[.!?;])\s+/).flatMap((sentence) =>
      parseQuantities(sentence).map((quantity) => ({
        sentence: sentence.trim(),
        quantity,
        context: labelStems(sentence.slice(Math.max(0, quantity.start - WINDOW), quantity.start)),
      })),
    ),
  );
}

/** Both quantities say what they count, and the two words differ: "users" versus "candidates". */
function whatsConflict(a: Quantity, b: Quantity): boolean {
  if (!a.what || !b.what) return false;
  const sa = labelStems(a.what);
  const sb = labelStems(b.what);
  return sa.length > 0 && sb.length > 0 && !sa.some((s) => meetsAny(s, sb));
}

/** Where in `prefix` (a word index) a word meeting one of `name` last occurs, or -1. */
function lastMention(prefix: string[], name: string[]): number {
  for (let i = prefix.length - 1; i >= 0; i--) if (meetsAny(prefix[i] as string, name)) return i;
  return -1;
}

const agree = (a: number, b: number) => Math.max(a, b) <= MISMATCH_FACTOR * Math.min(a, b);

/**
 * A number on the diagram that contradicts one the candidate stated about the same stage. Each
 * stated number is about the diagram stage named last before it in its sentence (so "then a
 * re-ranker, and the results grid shows the top 50" is about the grid); it contradicts that
 * stage's label when no number of the same kind and compatible `what` there is within 1.5x of it.
 */
export function checkNumberMismatch(diagram: DiagramText, context: DiagramCheckContext): DiagramFinding[] {
  if (context.candidateStatements.length === 0) return [];
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  // An arrow's number is about the stage it leaves ("Retrieval --500 candidates--> Ranker").
  const items = [
    ...diagram.nodes.map((n) => ({ label: n.label, about: n.label, quantities: n.annotations.quantities })),
    ...diagram.edges.map((e) => ({
      label: e.label,
      about: e.from ? (byId.get(e.from)?.label ?? "") : "",
      quantities: e.annotations.quantities,
    })),
  ].map((item) => ({ ...item, name: labelStems(stageName(item.about)) }));
  const findings: DiagramFinding[] = [];
  const seen = new Set<string>();
  for (const s of statedQuantities(context.candidateStatements)) {
    let best = -1;
    let about: string[] = [];
    for (const item of items) {
      const at = item.name.length > 0 ? lastMention(s.context, item.name) : -1;
      if (at > best) {
        best = at;
        about = [item.about];
      }
    }
    if (best < 0) continue;
    for (const item of items.filter((x) => about.includes(x.about) && x.quantities.length > 0)) {
      const same = item.quantities.filter((q) => q.kind === s.quantity.kind && !whatsConflict(q, s.quantity));
      if (same.length === 0 || same.some((q) => agree(q.value, s.quantity.value))) continue;
      const q = same[0] as Quantity;
      const key = `number-mismatch:${stageName(item.label)}:${q.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        kind: "number-mismatch",
        message: `The diagram says "${item.label}" but you said "${s.sentence}": which number holds?`,
        key,
        labels: [item.label],
      });
    }
  }
  return findings;
}
