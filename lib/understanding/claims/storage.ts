/**
 * Storage of logged events: events a day × bytes an event, over the claim's period (a day, a week,
 * a 30-day month, a 365-day year), as in the Lab's capacity form.
 */
import { count, grouped } from "@/lib/pipelines/capacity/format";
import { SECONDS } from "../quantities/units";
import { singular } from "../quantities/what";
import type { Quantity } from "../types";
import { contextCopies } from "./context";
import {
  copiesOf,
  fromContext,
  headNoun,
  isBytesRate,
  isCompressionRatio,
  isEstimate,
  isLastOf,
  isPerSecond,
  isPerServerRate,
  isPerUserRate,
  isPlainCount,
  isPlainSize,
  isSizeEach,
  isStorageRate,
  isUsers,
  perDay,
  REPLICAS,
  SERVERS,
} from "./inputs";
import { bytes, cannotCheck, comparedWith, judge, TOLERANCE_NOTE, times } from "./judge";
import { withDimensions } from "./memory";
import type { ArithmeticCheck, ContextQuantity } from "./types";

const DAY = 86_400;

/** Records logged at a rate, of any period ("200k events per second", "1M messages a minute"); not one machine's share. */
const isEventRate = (q: Quantity) => q.kind === "rate" && !isBytesRate(q) && !isPerServerRate(q);

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

const MEMORY_WORDS = /\b(ram|memory|in-memory|vram|hbm|cache)\b/i;

/** "for the year", "over the month": a period said without a number. */
const THE_PERIOD = /\b(?:for|over|in|of|per|across)\s+(?:the|a|one|each|every)\s+(day|week|month|year)\b/i;

interface StorageClaim {
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
function recordSize(sentence: string, sizes: Quantity[]): Quantity | undefined {
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
function storageClaims(sentence: string, qs: Quantity[], record: Quantity | undefined): StorageClaim[] {
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

/** A count of records: any plain count but people, machines and copies. */
const isRecordCount = (q: Quantity) =>
  isPlainCount(q) && q.value >= 100 && !isUsers(q) && !SERVERS.test(q.what ?? "") && !REPLICAS.test(q.what ?? "");

/**
 * Storage as units that cancel: records a second (a rate said per second, minute or day, or one
 * user's rate × users) × bytes a record × the seconds the claim covers; or a count of records ×
 * bytes a record, over the claim's period when it has one ("1 billion clicks … 20 GB a day") or in
 * all. The last figure of the sentence carries any copies said ("replicated three times"); an
 * earlier one may be one copy or all.
 */
export function checkStorage(
  sentence: string,
  sentenceQs: Quantity[],
  context: Quantity[],
): ArithmeticCheck | undefined {
  const qs = withDimensions(sentence, sentenceQs);
  // A size beside a dimension is an index's (memory), not storage.
  if (qs.some((q) => q.kind === "dimension")) return undefined;
  const bytesQs = qs.filter((q) => q.kind === "bytes");
  const record = recordSize(sentence, bytesQs);
  const stated = storageClaims(sentence, qs, record);
  const first = stated[0];
  if (!first) return undefined;
  const claimed = stated.map((s) => s.claim);
  const eventsHere = qs.find((q) => isEventRate(q) && !claimed.includes(q));
  // "a profile of 4 KB per user … 200 million users": the unit a record's size is said of is what is counted, people too.
  const recordOf = /^per\s+(\w+)$/.exec(record?.what ?? "")?.[1];
  const countHere =
    qs.find((q) => recordOf && isPlainCount(q) && q.value >= 100 && headNoun(q.what) === singular(recordOf)) ??
    qs.filter(isRecordCount).sort((a, b) => b.value - a.value)[0];
  const sizeHere = record ?? (first.claim.kind === "rate" ? bytesQs.find((q) => !claimed.includes(q)) : undefined);
  const concluded = stated.some((s) => isEstimate(sentence, s.claim)) || refersBack(sentence);
  // "We keep 90 days." said earlier: a plain size with no period of its own and no count beside it
  // covers the retention the ledger states.
  const retention = countHere || eventsHere ? undefined : fromContext(context, isRetention);
  if (retention && concluded) {
    for (const s of stated) if (s.claim.kind === "bytes" && s.period === undefined) s.period = retention.value;
  }
  // "We chunk them into 1 billion chunks … So the chunk text store is about 200 GB": a concluded
  // stock takes the ledger's count of records whose words match the claim's.
  const countFromContext =
    first.claim.kind === "bytes" && first.period === undefined && !countHere && !eventsHere && concluded
      ? fromContext(context, isRecordCount)
      : undefined;
  const count = countHere ?? countFromContext;
  if (first.claim.kind === "bytes") {
    // A plain size is storage over a period, or a stock of counted records of a stated size.
    if (first.period === undefined && !count && sizeHere && concluded && !eventsHere) {
      // "Each video is about 200 MB, so the archive should be a few petabytes": a concluded total of
      // records of a stated size, with nothing saying how many.
      return cannotCheck(
        "storage",
        sentence,
        first.claim.text,
        [["the number of records", "how many are stored, or how many arrive a day?"]],
        "records × bytes a record",
      );
    }
    const sizeAny = sizeHere ?? (countFromContext ? fromContext(context, isSizeEach) : undefined);
    if (first.period === undefined ? !(count && sizeAny) : !(concluded || eventsHere || sizeHere)) {
      return undefined;
    }
  } else if (!sizeHere && !eventsHere && !countHere && !concluded) {
    return undefined;
  }
  const size = sizeHere ?? fromContext(context, isSizeEach);
  // A per-second rate of the records said earlier ("5,000 transactions per second") is logged too
  // when its words match the claim's or the record's.
  const events =
    eventsHere ??
    (count
      ? undefined
      : (fromContext(context, isLoggedRate) ??
        fromContext(context, (q) => isEventRate(q) && ((q as ContextQuantity).relevance ?? 0) > 0)));
  const users = events && isPerUserRate(events) ? (qs.find(isUsers) ?? fromContext(context, isUsers)) : undefined;
  // A rate of records needs a period to cover; a stock claim has none.
  const records = events ? (first.period !== undefined ? events : undefined) : count;
  if (!size || !records || (events && isPerUserRate(events) && !users)) {
    const missing: Array<[string, string]> = [];
    if (!records) missing.push(["the events a day", "how many events are logged a day?"]);
    else if (events && !users) missing.push(["the number of users", "how many daily users are there?"]);
    if (!size) missing.push(["the bytes per event", "how large is one event?"]);
    return cannotCheck("storage", sentence, first.claim.text, missing, "events a day × bytes an event");
  }
  // Copies and compression said earlier ("We keep 3 replicas", "Logs compress 10x") apply too.
  const copies = copiesOf(sentence, qs, true) ?? contextCopies(context);
  const compression =
    qs.find((q) => isCompressionRatio(sentence, q) && q.value > 1) ??
    fromContext(context, (q) => q.value > 1 && isCompressionRatio((q as ContextQuantity).sentence ?? "", q));
  const checks = stated.map((s) =>
    judgeStorage(sentence, s, {
      compression,
      events,
      users,
      count: events ? undefined : count,
      size,
      copies,
      last: isLastOf(s.claim, claimed),
    }),
  );
  return checks.find((c) => c.verdict !== "consistent") ?? checks[0];
}

const isLoggedRate = (q: Quantity) => isEventRate(q) && !isPerSecond(q);

/** A span data is kept for: a day or longer ("Retention is 30 days", "We keep 90 days"). */
const isRetention = (q: Quantity) => q.kind === "duration" && q.value >= DAY;

/**
 * A sentence that opens by pointing back at what was said ("So …", "That's …", "Which …"):
 * its figure is concluded from earlier figures (general English discourse markers).
 */
export const refersBack = (sentence: string) =>
  /^\s*(?:so|thus|hence|therefore|that(?:'s| is| means| gives)?|which|this|it|all in|in total|overall)\b/i.test(
    sentence,
  );

function judgeStorage(
  sentence: string,
  stated: StorageClaim,
  inputs: {
    events?: Quantity;
    users?: Quantity;
    count?: Quantity;
    size: Quantity;
    copies?: Quantity;
    compression?: Quantity;
    last: boolean;
  },
): ArithmeticCheck {
  const { claim, period, total: claimed } = stated;
  const { events, users, count: records, size, copies } = inputs;
  const k = copies?.value ?? 1;
  let raw: number;
  let formula: string;
  let subject: string;
  const named = period === undefined ? "in all" : periodName(period);
  const over = /^\d/.test(named) ? `over ${named}` : named;
  const sizeText = size.text.replace(/ (per|each|apiece).*$/, "");
  if (events && period !== undefined) {
    const perDayEvents = perDay(events) * (users?.value ?? 1);
    const daily = perDayEvents * size.value;
    raw = (daily * period) / DAY;
    const eventsText = users ? `${count(users.value)} × ${grouped(perDay(events))}` : count(perDayEvents);
    formula = `${eventsText} a day × ${bytes(size.value)} = ${bytes(daily)} a day${period === DAY ? "" : ` × ${grouped(period / DAY)} days = ${bytes(raw)} ${over}`}`;
    subject = `${users ? `${users.text} × ${events.text}` : events.text} at ${sizeText} each`;
  } else {
    const n = records?.value ?? 0;
    raw = n * size.value;
    formula = `${count(n)} × ${bytes(size.value)} = ${bytes(raw)}`;
    subject = `${records?.text ?? count(n)} at ${sizeText} each`;
  }
  // "compressed 4x": what is kept is the raw bytes over the ratio.
  const ratio = inputs.compression?.value ?? 1;
  if (ratio > 1) {
    raw /= ratio;
    formula += ` / ${grouped(ratio)} compression = ${bytes(raw)}`;
  }
  const all = raw * k;
  if (copies) formula += ` × ${grouped(k)} copies = ${bytes(all)}`;
  // The last figure carries the copies; an earlier one may be a single copy.
  const expected = copies && inputs.last ? [all] : copies ? [raw, all] : [raw];
  const judged = judge(claimed, ...expected);
  const best = expected.reduce((a, b) =>
    Math.max(claimed / a, a / claimed) <= Math.max(claimed / b, b / claimed) ? a : b,
  );
  const said = `${bytes(best)}${period === undefined ? "" : ` ${over}`}${copies && best === all ? ` with ${grouped(k)} copies` : ""}`;
  return {
    // A stock held in RAM ("50 million sessions at 2 KB each, about 100 GB of RAM") is memory.
    kind: period === undefined && MEMORY_WORDS.test(sentence) ? "memory" : "storage",
    quote: sentence,
    verdict: judged.verdict,
    claimed: { value: claimed, text: claim.text },
    expected: best,
    factor: judged.factor,
    formula,
    missing: [],
    headline:
      judged.verdict === "consistent"
        ? `Right: ${subject} is about ${said}.`
        : `${subject} is about ${said}, ${comparedWith(claim.text, judged)}.`,
    rows: [
      { label: "Your figure", value: claim.text },
      { label: period === undefined ? "Total" : `Storage ${over}`, value: said, formula },
      { label: "Off by", value: times(judged.factor) },
    ],
    assumptions: [
      copies
        ? `Decimal units, before compression unless a compressed size was stated; ${grouped(k)} copies.`
        : "Decimal units; one copy, before compression or replication.",
      ...(period === SECONDS.month ? ["A month is 30 days."] : []),
      ...(events || period === undefined ? [] : [`${records?.text} is taken as ${over}'s records.`]),
      TOLERANCE_NOTE,
    ],
  };
}
