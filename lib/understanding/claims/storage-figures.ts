/** The figures of a storage sentence: the claimed totals or rates with the period each covers, and one record's size. */
import { grouped } from "@/lib/pipelines/capacity/format";
import { SECONDS } from "../quantities/units";
import type { Quantity } from "../types";
import { isBytesRate, isPerServerRate, isPlainSize, isSizeEach, isStorageRate } from "./inputs";
import { valueWidth } from "./vector-dimensions";

export const DAY = 86_400;

/** "a day", "a month": the period's name for the card. */
export function periodName(seconds: number): string {
  const names: Array<[number, string]> = [
    [SECONDS.hour ?? 3_600, "an hour"],
    [DAY, "a day"],
    [SECONDS.week ?? 604_800, "a week"],
    [SECONDS.month ?? 2_592_000, "a month"],
    [SECONDS.year ?? 31_536_000, "a year"],
  ];
  return names.find(([s]) => Math.abs(s / seconds - 1) < 1e-9)?.[1] ?? `${grouped(seconds / DAY)} days`;
}

/** The seconds of a storage rate's period, from its unit ("tb a day", "tb annually"). */
function ratePeriod(q: Quantity): number {
  const word =
    /(second|sec|minute|min|hour|hr|day|week|month|year|hourly|daily|nightly|weekly|monthly|yearly|annually)s?$/i
      .exec(q.unit)?.[1]
      ?.toLowerCase();
  const adjectives: Record<string, number> = {
    hourly: 3_600,
    daily: DAY,
    nightly: DAY,
    weekly: 604_800,
    monthly: 2_592_000,
    yearly: 31_536_000,
    annually: 31_536_000,
  };
  return (word && (SECONDS[word] ?? adjectives[word])) || DAY;
}

/** "for the year", "over the month": a period said without a number. */
const THE_PERIOD = /\b(?:for|over|in|of|per|across)\s+(?:the|a|one|each|every)\s+(day|week|month|year)\b/i;

export interface StorageClaim {
  claim: Quantity;
  /** Seconds the figure covers; undefined for a stock ("1 billion images at 20 KB is 20 TB"). */
  period?: number;
  /** The claimed bytes over `period` (or in all). */
  total: number;
}

/** A size reduced by compression: "compressed to 400 bytes", "400 bytes after compression". */
const isCompressed = (sentence: string, q: Quantity) =>
  /\bcompress\w*\s+(?:down\s+)?(?:to|into)\s*(?:about|around|roughly|~)?\s*$/i.test(
    sentence.slice(Math.max(0, q.start - 40), q.start),
  ) || /^\s*(?:after|with|once)\s+compression\b|^\s*compressed\b/i.test(sentence.slice(q.end, q.end + 24));

/**
 * One record's size: a size said per unit ("200 bytes per event", "20 KB each"), one said after
 * compression, else a plain size at least 1,000× below the largest ("Documents average a kilobyte
 * ... 300 GB").
 */
export function recordSize(sentence: string, sizes: Quantity[]): Quantity | undefined {
  const compressed = sizes.find((q) => isCompressed(sentence, q) && q.value < 1e9);
  if (compressed) return compressed;
  const each = sizes.find(isSizeEach);
  if (each) return each;
  const sorted = [...sizes].sort((a, b) => a.value - b.value);
  const [smallest] = sorted;
  const largest = sorted[sorted.length - 1];
  return smallest && largest && smallest !== largest && smallest.value * 1_000 <= largest.value ? smallest : undefined;
}

/**
 * The figures claimed: storage rates ("2 TB a day", "150 GB per month"), else plain sizes, each
 * over the sentence's period ("kept for 90 days", "a year of retention", "for the year") or, with
 * none, a stock ("1 billion images at 20 KB each is 20 TB").
 */
export function storageClaims(sentence: string, qs: Quantity[], record: Quantity | undefined): StorageClaim[] {
  const rates = qs.filter(isStorageRate);
  if (rates.length) {
    // "30 TB a month, and with 2 replicas 60 TB", "200 GB a day, and with 90 days of retention about
    // 18 TB": a plain size after a rate is a further total, over the span said before it, else the rate's period.
    const [firstRate] = rates;
    const later = qs.filter(
      (q) =>
        firstRate &&
        isPlainSize(q) &&
        q !== record &&
        q.start > firstRate.end &&
        // Copies and longer spans only grow a total (compression rarely shrinks it 10×); a smaller size is a record's.
        q.value * 10 >= firstRate.value * ratePeriod(firstRate),
    );
    return [
      ...rates.map((r) => ({ claim: r, period: ratePeriod(r), total: r.value * ratePeriod(r) })),
      ...later.map((q) => {
        const before = [...rates].reverse().find((r) => r.end <= q.start) ?? firstRate;
        const span = [...qs]
          .reverse()
          .find((d) => d.kind === "duration" && d.value >= 3_600 && d.end <= q.start && before && d.start > before.end);
        return { claim: q, period: span?.value ?? (before ? ratePeriod(before) : DAY), total: q.value };
      }),
    ];
  }
  const sizes = qs.filter((q) => isPlainSize(q) && q !== record && !(record && q.value < record.value * 1_000));
  const span = qs.find((q) => q.kind === "duration" && q.value >= 3_600);
  const word = THE_PERIOD.exec(sentence)?.[1]?.toLowerCase();
  const period = span?.value ?? (word ? SECONDS[word] : undefined);
  return sizes.map((q) => ({ claim: q, period, total: q.value }));
}

/**
 * "Each post embedding is 128 dims float32, 400 million posts a day, so 200 GB a day": beside a
 * storage rate and records arriving at a rate, a dimension and a value width make one record's
 * size (dim × bytes a value), so the embeddings written a day are counted like any record.
 */
export function withEmbeddingRecord(qs: Quantity[]): Quantity[] {
  const dim = qs.find((q) => q.kind === "dimension");
  const format = qs.find((q) => q.kind === "bytes_per_value") ?? valueWidth(qs);
  const arriving = qs.some((q) => q.kind === "rate" && !isBytesRate(q) && !isPerServerRate(q));
  if (!dim || !format || !arriving || !qs.some(isStorageRate)) return qs;
  const record: Quantity = {
    ...dim,
    kind: "bytes",
    value: dim.value * format.value,
    unit: "b",
    what: "each",
    text: `${grouped(dim.value)} × ${grouped(format.value)} B`,
  };
  return [...qs.filter((q) => q !== dim && q.start !== format.start), record].sort((a, b) => a.start - b.start);
}
