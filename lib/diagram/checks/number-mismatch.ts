import { labelStems, meetsAny } from "@/lib/diagram/reference/words";
import type { DiagramFinding, DiagramText } from "@/lib/diagram/types";
import { parseQuantities } from "@/lib/understanding/quantities/parse-quantities";
import type { Quantity } from "@/lib/understanding/types";
import { type DiagramCheckContext, statedBudgets } from "./context";
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
  /** Whether the number is a limit ("under 2 s", "at least 90%") rather than a value. */
  bound: "upper" | "lower" | null;
}

/** A limit before a number bounds it rather than states it: "under 2 seconds" holds for 1.2 s. */
const UPPER_BOUND =
  /\b(?:under|within|at most|no more than|less than|below|up to|max(?:imum)?(?: of)?|not exceed(?:ing)?)\s*$/i;
const LOWER_BOUND = /\b(?:at least|over|more than|above|no less than|min(?:imum)?(?: of)?)\s*$/i;

function statedQuantities(statements: string[]): Statement[] {
  return statements.flatMap((text) => {
    return text.split(/(?<=[.!?;])\s+/).flatMap((sentence) => {
      // A budget is about the whole request, never one stage: the latency check weighs it.
      const budgets = statedBudgets(sentence);
      return parseQuantities(sentence)
        .filter((q) => !(q.kind === "duration" && budgets.includes(q.value)))
        .map((quantity) => {
          const before = sentence.slice(Math.max(0, quantity.start - WINDOW), quantity.start);
          const lead = sentence
            .slice(Math.max(0, quantity.start - 24), quantity.start)
            .replace(/\b(?:about|around|roughly|~)\s*$/i, "");
          return {
            sentence: sentence.trim(),
            quantity,
            context: labelStems(before),
            bound: UPPER_BOUND.test(lead) ? ("upper" as const) : LOWER_BOUND.test(lead) ? ("lower" as const) : null,
          };
        });
    });
  });
}

/** Both quantities say what they count, and the two words differ: "users" versus "candidates". */
function whatsConflict(a: Quantity, b: Quantity): boolean {
  if (!a.what || !b.what) return false;
  const sa = labelStems(a.what);
  const sb = labelStems(b.what);
  return sa.length > 0 && sb.length > 0 && !sa.some((s) => meetsAny(s, sb));
}

/**
 * Where in `prefix` (a word index) a word meeting one of `name` last occurs, or -1, plus how much
 * of the name the prefix says, to prefer "re-rank" over "multi-task ranker" after "a light re-rank".
 */
function lastMention(prefix: string[], name: string[]): { at: number; cover: number } {
  let at = -1;
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (meetsAny(prefix[i] as string, name)) {
      at = i;
      break;
    }
  }
  const cover = at < 0 ? 0 : name.filter((n) => prefix.some((p) => meetsAny(p, [n]))).length / name.length;
  return { at, cover };
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
    const aboutIn = (prefix: string[]) => {
      let best = { at: -1, cover: 0 };
      let about: string[] = [];
      for (const item of items) {
        if (item.name.length === 0) continue;
        const mention = lastMention(prefix, item.name);
        if (mention.at > best.at || (mention.at === best.at && mention.at >= 0 && mention.cover > best.cover)) {
          best = mention;
          about = [item.about];
        }
      }
      return about;
    };
    const about = aboutIn(s.context);
    if (about.length === 0) continue;
    for (const item of items.filter((x) => about.includes(x.about) && x.quantities.length > 0)) {
      const same = item.quantities.filter((q) => q.kind === s.quantity.kind && !whatsConflict(q, s.quantity));
      const holds = (v: number) =>
        s.bound === "upper"
          ? v <= s.quantity.value * MISMATCH_FACTOR
          : s.bound === "lower"
            ? v * MISMATCH_FACTOR >= s.quantity.value
            : agree(v, s.quantity.value);
      if (same.length === 0 || same.some((q) => holds(q.value))) continue;
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
