/** Judges one claimed storage figure against records × bytes a record over its period, with compression and copies. */
import { count, grouped } from "@/lib/pipelines/capacity/format";
import { SECONDS } from "../quantities/units";
import type { Quantity } from "../types";
import { COMPRESSED_INDEX, perDay } from "./inputs";
import { bytes, comparedWith, judge, TOLERANCE_NOTE, times } from "./judge";
import { DAY, periodName, type StorageClaim } from "./storage-figures";
import type { ArithmeticCheck } from "./types";

const MEMORY_WORDS = /\b(ram|memory|in-memory|vram|hbm|cache)\b/i;
/** A record that is one vector of an index ("32 bytes per vector" of PQ codes): a stock of them is served from memory. */
const PER_VECTOR = /^per (?:vector|embedding)$/i;

export function judgeStorage(
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
    kind:
      period === undefined &&
      (MEMORY_WORDS.test(sentence) || PER_VECTOR.test(size.what ?? "") || COMPRESSED_INDEX.test(sentence))
        ? "memory"
        : "storage",
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
