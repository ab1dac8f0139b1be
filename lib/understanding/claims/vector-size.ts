/**
 * Memory of a vector index: n × dim × bytes per value, plus HNSW's links (2·M four-byte ids a
 * vector, M = 16), the same arithmetic as the Lab's capacity form.
 */
import { HNSW_LINK_BYTES } from "@/lib/pipelines/capacity/compute";
import { grouped, valueType } from "@/lib/pipelines/capacity/format";
import type { Quantity } from "../types";
import { fromContext, isPlainCount, isUsers, isVectors, numberText, VECTORS } from "./inputs";
import { bytes } from "./judge";
import type { ArithmeticCheck } from "./types";
import { isRowCount, valueWidth } from "./vector-dimensions";

export const HNSW_M = 16;
export const FLOAT32_BYTES = 4;

interface VectorInputs {
  n?: Quantity;
  dim?: Quantity;
  format?: Quantity;
  /** Whether any input came from the sentence itself (otherwise the claim is a bare figure). */
  stated: boolean;
}

/** Below this a ledger count is not taken for a corpus unless it names vectors. */
const CONTEXT_CORPUS_MIN = 1e5;

/**
 * The inputs of n × dim × bytes a value. Beside a dimension the largest count is the number of
 * vectors whatever it counts ("500M users times 128 floats", "5M panoramas each indexed by a
 * 1024-d vector"); without one, a count of vectors by name ("200 million item embeddings"). A
 * size of a value width ("x 4 bytes") beside a dimension is the format. Missing inputs come from
 * the ledger, the most recent first.
 */
export function vectorInputs(qs: Quantity[], context: Quantity[], allowUnnamed = false): VectorInputs {
  const dim = qs.find((q) => q.kind === "dimension");
  const counts = qs.filter(
    (q) => (dim ? isRowCount(q) : isVectors(q)) || (allowUnnamed && isPlainCount(q) && !q.what && !isUsers(q)),
  );
  const n = counts.sort((a, b) => b.value - a.value)[0];
  const format =
    qs.find((q) => q.kind === "bytes_per_value") ??
    (dim ? valueWidth(qs) : undefined) ??
    fromContext(context, (q) => q.kind === "bytes_per_value");
  return {
    n:
      n ??
      fromContext(context, isVectors) ??
      fromContext(context, (q) => isRowCount(q) && Boolean(q.what) && q.value >= CONTEXT_CORPUS_MIN),
    dim: dim ?? fromContext(context, (q) => q.kind === "dimension"),
    format,
    stated: Boolean(n || dim),
  };
}

export function vectorPhrase(n: Quantity, dim: number, format: Quantity | undefined): string {
  const what = n.what && VECTORS.test(n.what) ? n.what.replace(/^.*?\b(\w+)$/, "$1") : "vectors";
  // A format said by name ("float16") reads as said; a width said as a number ("x 4 bytes") as "4-byte".
  const type = !format ? "float32" : /^[a-z]/i.test(format.text) ? format.text : `${format.value}-byte`;
  return `${numberText(n)} ${dim}-dim ${type} ${what}`;
}

export interface Sizes {
  raw: number;
  hnsw: number;
  formula: string;
  rows: ArithmeticCheck["rows"];
  assumptions: string[];
}

export function sizes(n: number, dim: number, bytesPerValue: number, formatStated: boolean): Sizes {
  const raw = n * dim * bytesPerValue;
  const links = n * HNSW_M * 2 * HNSW_LINK_BYTES;
  const formula = `${grouped(n)} × ${dim} × ${bytesPerValue} B = ${bytes(raw)}`;
  return {
    raw,
    hnsw: raw + links,
    formula,
    rows: [
      { label: "Raw vectors", value: bytes(raw), formula },
      {
        label: "With HNSW links",
        value: bytes(raw + links),
        formula: `${bytes(raw)} + ${grouped(n)} × ${HNSW_M} × 2 × ${HNSW_LINK_BYTES} B = ${bytes(raw + links)}`,
      },
    ],
    assumptions: [
      ...(formatStated
        ? []
        : [`${valueType(bytesPerValue)} (${bytesPerValue} bytes a value), since no format was stated.`]),
      `HNSW adds about 2·M four-byte links a vector with M = ${HNSW_M}; the claim is judged against the raw size and the size with links.`,
    ],
  };
}
