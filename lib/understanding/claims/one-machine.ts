/** The one-machine rule: does a large corpus of vectors fit in one big server's RAM? */
import { grouped } from "@/lib/pipelines/capacity/format";
import type { Quantity } from "../types";
import { COMPRESSED_INDEX } from "./inputs";
import { bytes, times } from "./judge";
import type { ArithmeticCheck } from "./types";
import { FLOAT32_BYTES, sizes, vectorInputs, vectorPhrase } from "./vector-size";

/** What one large machine holds in RAM, for the one-machine rule. */
export const MACHINE_RAM_BYTES = 1e12;
/** The dimension assumed for the one-machine rule when none was stated (a common embedding width). */
export const DEFAULT_DIM = 128;

// "a single 128 GB box": the machine's memory may be said before its noun.
const ONE_MACHINE =
  /\b(one|a single|single|1)\s+(?:[\d.,]+\s?[kmgt]i?b\s+)?(machine|server|node|box|core|host|gpu|instance)\b|\b(no|without)\s+sharding\b|\bunsharded\b/i;
const SEARCH_TALK =
  /\b(search|serve|serving|hold|holds|store|index|query|queries|ann|hnsw|faiss|nearest|top\s+\d+|retriev\w*|fit|fits)\b/i;
/** A size named by the machine it is ("128 GB box"): that machine's memory. */
const MACHINE_NOUN = /^(?:machine|server|node|box|host|gpu|instance)$/i;
/** Below this many vectors one machine is rarely in doubt. */
const LARGE_N = 1e7;

/** "top 100 of 6 billion on one core, no sharding": does the corpus fit on one machine? */
export function checkOneMachine(sentence: string, qs: Quantity[], context: Quantity[]): ArithmeticCheck | undefined {
  if (!ONE_MACHINE.test(sentence) || !SEARCH_TALK.test(sentence)) return undefined;
  // "IVF-PQ on 500 million embeddings … on a single GPU": a compressed index holds codes of a few
  // bytes a vector, not float vectors, so n × d × 4 says nothing about whether it fits.
  if (COMPRESSED_INDEX.test(sentence) && !qs.some((q) => q.kind === "bytes_per_value")) return undefined;
  const { n, dim, format } = vectorInputs(qs, context, true);
  if (!n || n.value < LARGE_N) return undefined;
  const d = dim?.value ?? DEFAULT_DIM;
  const bpv = format?.value ?? FLOAT32_BYTES;
  const s = sizes(n.value, d, bpv, Boolean(format));
  const needed = /\bhnsw\b/i.test(sentence) ? s.hnsw : s.raw;
  // "on a single 128 GB box": the box said, else a large server.
  const box = qs.find((q) => q.kind === "bytes" && MACHINE_NOUN.test(q.what ?? ""));
  const ram = box?.value ?? MACHINE_RAM_BYTES;
  const boxText = box ? `${box.text} ${box.what ?? "machine"}` : undefined;
  const fits = needed <= ram;
  const factor = Math.max(needed / ram, ram / needed);
  const subject = vectorPhrase(n, d, format);
  const where = boxText ? `one ${boxText}` : `one machine (${bytes(MACHINE_RAM_BYTES)} of RAM)`;
  return {
    kind: "memory",
    quote: sentence,
    verdict: fits ? "consistent" : "too_low",
    claimed: { value: ram, text: boxText ? `one ${boxText}` : "one machine" },
    expected: needed,
    factor,
    formula: s.formula,
    missing: [],
    headline: fits
      ? `Right: ${subject} take about ${bytes(needed)}, which fits on ${where}.`
      : `${subject} take about ${bytes(needed)} (${grouped(n.value)} × ${d} × ${bpv} B), about ${times(needed / ram)} what ${where} holds, so they need sharding or compression.`,
    rows: [...s.rows, { label: "One machine holds", value: bytes(ram) }],
    assumptions: [
      ...(dim ? [] : [`${DEFAULT_DIM}-dim vectors, since no dimension was stated.`]),
      ...s.assumptions,
      boxText
        ? `The machine's memory is the ${boxText} said; no headroom is added.`
        : `One machine is taken to hold ${bytes(MACHINE_RAM_BYTES)} of RAM (a large server).`,
    ],
  };
}
