import { normalizeText } from "@/lib/text/normalize";

/** A quantitative claim the interviewer can check by running a reference pipeline. */
export type QuantitativeClaim =
  | { pipeline: "ann"; quote: string; latencyMs?: number; recall?: number; items?: number }
  | { pipeline: "funnel"; quote: string; totalMs: number }
  | { pipeline: "ctr"; quote: string; metric: "logLoss" | "ne" | "auc"; value: number }
  | { pipeline: "capacity"; quote: string; memoryGB?: number; items?: number; dim?: number; dau?: number };

const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, b: 1e9 };

function quantity(text: string, unitPattern: string): number | undefined {
  const match = new RegExp(
    `(\\d[\\d,]*(?:\\.\\d+)?)\\s*(thousand|million|billion|k|m|b)?\\s*(?:${unitPattern})`,
    "i",
  ).exec(text);
  if (!match) return undefined;
  return Number(match[1]?.replace(/,/g, "")) * (SCALE[match[2]?.toLowerCase() ?? ""] ?? 1);
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 0);
}

/**
 * Finds claims by patterns over numbers and units, one per pipeline at most: ANN latency or
 * recall, a funnel latency budget, a metric value, memory or traffic sizing. Offline and
 * deterministic; the quote is the candidate's own sentence.
 */
export function detectClaims(answer: string): QuantitativeClaim[] {
  const claims = new Map<QuantitativeClaim["pipeline"], QuantitativeClaim>();
  for (const sentence of sentences(answer)) {
    const text = normalizeText(sentence);
    const ms = quantity(sentence, "ms|milliseconds?");
    const vectorTalk =
      /\b(hnsw|ann|approximate nearest|nearest neighbou?r|faiss|ivf|vector (search|index)|embedding index)\b/.test(
        text,
      );
    const recallMatch = /recall(?:@\d+)?\s*(?:of|at|is|=|~)?\s*(0\.\d+|\d{2}(?:\.\d+)?\s*%)/i.exec(sentence);
    if (vectorTalk && (ms !== undefined || recallMatch) && !claims.has("ann")) {
      const recallRaw = recallMatch?.[1];
      const recall = recallRaw
        ? recallRaw.includes("%")
          ? Number.parseFloat(recallRaw) / 100
          : Number(recallRaw)
        : undefined;
      claims.set("ann", {
        pipeline: "ann",
        quote: sentence.trim(),
        latencyMs: ms,
        recall,
        items: quantity(sentence, "items|videos|vectors|images|listings|products|documents|embeddings"),
      });
      continue;
    }
    if (
      /\b(retrieval|candidate generation|ranking|ranker|re rank|rerank)\b/.test(text) &&
      ms !== undefined &&
      /\b(budget|total|end to end|p99|within|under)\b/.test(text) &&
      !claims.has("funnel")
    ) {
      claims.set("funnel", { pipeline: "funnel", quote: sentence.trim(), totalMs: ms });
      continue;
    }
    const metric = /\b(log ?loss|normali[sz]ed entropy|\bne\b|auc)\b\s*(?:of|is|=|around|about|~)?\s*(0\.\d+)/i.exec(
      sentence,
    );
    if (metric && !claims.has("ctr")) {
      const name = metric[1]?.toLowerCase() ?? "";
      claims.set("ctr", {
        pipeline: "ctr",
        quote: sentence.trim(),
        metric: name.includes("log") ? "logLoss" : name === "auc" ? "auc" : "ne",
        value: Number(metric[2]),
      });
      continue;
    }
    const memoryGB = quantity(sentence, "gb|gigabytes?") ?? (quantity(sentence, "tb|terabytes?") ?? Number.NaN) * 1000;
    if (
      /\b(index|embeddings?|vectors?|memory|ram|fits?)\b/.test(text) &&
      Number.isFinite(memoryGB) &&
      !claims.has("capacity")
    ) {
      claims.set("capacity", {
        pipeline: "capacity",
        quote: sentence.trim(),
        memoryGB,
        items: quantity(sentence, "items|videos|vectors|images|listings|products|documents|embeddings"),
        dim: quantity(sentence, "dimensions?|dims?|d\\b"),
      });
    }
  }
  return [...claims.values()];
}
