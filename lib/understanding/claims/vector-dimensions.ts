/** Readings of an index's shape said in passing: a dimension in a product or a row's share, a corpus split into chunks. */
import { grouped } from "@/lib/pipelines/capacity/format";
import type { Quantity } from "../types";
import { isPlainCount, isVectors, REPLICAS, SERVERS, VECTORS } from "./inputs";

/** A multiplication sign just before a factor: "x", "×", "*", or the spoken "times". */
const PRODUCT_SIGN = /(?:[x×*]|\btimes)\s*$/i;
/** Whether `a` and `b` are neighbouring factors of a product: "6 billion times 256", "250M x 768". */
const isFactorOf = (sentence: string, a: Quantity, b: Quantity) =>
  /^\s*(?:[x×*]|times)\s*$/i.test(sentence.slice(a.end, b.start));
/** What one value of a vector is called (general ML vocabulary): "4 bytes per float", "2 bytes per dim". */
const PER_VALUE = /^per (?:value|float|dim|dimension|component|element|coordinate|weight|number)$/;
/** A size that is one value's width: "4 bytes", "4 bytes per float"; not a record's or a total. */
const isWidthSize = (q: Quantity) =>
  q.kind === "bytes" && (!q.what || PER_VALUE.test(q.what)) && VALUE_WIDTHS.includes(q.value);

/** Bytes a value of the usual number formats (int4 to float64): "x 4 bytes" beside a dimension is a value width. */
export const VALUE_WIDTHS = [0.5, 1, 2, 4, 8];

/** A count that can be the rows of an index: any noun but the machines and copies that hold it. */
export const isRowCount = (q: Quantity) =>
  isPlainCount(q) && !SERVERS.test(q.what ?? "") && !REPLICAS.test(q.what ?? "");

/**
 * "30 million documents split into about 10 chunks each": beside a dimension, a smaller count of
 * what an index holds (chunks, passages, vectors), said after the corpus as each one's share,
 * multiplies it; the index holds 300 million chunks.
 */
export function withSplitCorpus(sentence: string, qs: Quantity[]): Quantity[] {
  if (!qs.some((q) => q.kind === "dimension")) return qs;
  const corpus = qs.filter(isRowCount).sort((a, b) => b.value - a.value)[0];
  if (!corpus) return qs;
  const each = qs.find(
    (q) =>
      q !== corpus &&
      isRowCount(q) &&
      q.start > corpus.end &&
      q.value >= 2 &&
      q.value * 100 <= corpus.value &&
      VECTORS.test(q.what ?? "") &&
      /^\s*(?:each|apiece|per\s+[a-z]+)\b/i.test(sentence.slice(q.end)),
  );
  if (!each) return qs;
  const split: Quantity = {
    ...corpus,
    value: corpus.value * each.value,
    text: `${grouped(corpus.value * each.value)} ${each.what ?? ""}`.trim(),
    ...(each.what ? { what: each.what } : {}),
  };
  return qs.filter((q) => q !== each).map((q) => (q === corpus ? split : q));
}

/**
 * "250M vectors x 768 x 2 bytes": in a product of a count of vectors, a bare number and a value
 * width, the bare number is the dimension (n × d × bytes a value).
 */
export function withProductDimension(sentence: string, qs: Quantity[]): Quantity[] {
  if (qs.some((q) => q.kind === "dimension")) return qs;
  const factor = (q: Quantity) => PRODUCT_SIGN.test(sentence.slice(Math.max(0, q.start - 7), q.start));
  const dim = qs.find((q) => isPlainCount(q) && !q.what && factor(q) && Number.isInteger(q.value) && q.value >= 2);
  if (!dim) return qs;
  // "6 billion times 256 times 4 bytes", "6B*256*4": a bare product is one of vectors even when it names none.
  const leading = qs.some(
    (q) => isPlainCount(q) && q.value > dim.value && q.end <= dim.start && isFactorOf(sentence, q, dim),
  );
  const sized = qs.some((q) => q !== dim && factor(q) && (isWidthSize(q) || q.kind === "bytes_per_value"));
  const spoken = leading ? qs.find((q) => q.start >= dim.end && isFactorOf(sentence, dim, q)) : undefined;
  const width = spoken && !sized ? spokenWidth(spoken) : undefined;
  if (!(sized || width) || !(qs.some(isVectors) || leading)) return qs;
  return qs.map(
    (q): Quantity => (q === dim ? { ...q, kind: "dimension", unit: "d" } : q === spoken && width ? width : q),
  );
}

/**
 * The last factor of a bare n × d × w product as one value's width: "× 4" or "× 4 B" (bytes here,
 * not the billions "B" usually abbreviates) when it is a usual value width.
 */
function spokenWidth(q: Quantity): Quantity | undefined {
  const bytesSign = /^([\d.]+)\s?B$/.exec(q.text);
  const value = bytesSign ? Number(bytesSign[1]) : isPlainCount(q) && !q.what ? q.value : Number.NaN;
  return VALUE_WIDTHS.includes(value) ? { ...q, kind: "bytes_per_value", value, unit: "bytes per value" } : undefined;
}

/**
 * "100 million rows with 200 features each at 4 bytes": a small count of values each row holds
 * ("each", "per row") beside a value width and a larger count is the row's dimension.
 */
export function withEachDimension(sentence: string, qs: Quantity[]): Quantity[] {
  if (qs.some((q) => q.kind === "dimension")) return qs;
  const hasWidth = qs.some((q) => isWidthSize(q) || q.kind === "bytes_per_value");
  if (!hasWidth) return qs;
  const dim = qs.find(
    (q) =>
      isPlainCount(q) &&
      q.what &&
      Number.isInteger(q.value) &&
      q.value >= 2 &&
      q.value < 1e5 &&
      /^\s*(?:each|apiece|per (?:row|item|record|entry|user|vector|document|example|sample))\b/i.test(
        sentence.slice(q.end),
      ) &&
      qs.some((r) => isPlainCount(r) && r.value > q.value * 100),
  );
  return dim ? qs.map((q): Quantity => (q === dim ? { ...q, kind: "dimension", unit: "d" } : q)) : qs;
}

/** Both readings of a dimension said as a product or as values each row holds. */
export const withDimensions = (sentence: string, qs: Quantity[]) =>
  withEachDimension(sentence, withProductDimension(sentence, qs));

/** "20M chunks x 1536 dims x 4 bytes": a bare size of a value's width, read as the format. */
export function valueWidth(qs: Quantity[]): Quantity | undefined {
  const width = qs.find(isWidthSize);
  return width ? { ...width, kind: "bytes_per_value" } : undefined;
}
