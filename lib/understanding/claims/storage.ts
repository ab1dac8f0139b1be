/**
 * Storage of logged events: events a day × bytes an event, over the claim's period (a day, a week,
 * a 30-day month, a 365-day year), as in the Lab's capacity form.
 */
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
  isSizeEach,
  isUsers,
  REPLICAS,
  refersBack,
  SERVERS,
} from "./inputs";
import { cannotCheck } from "./judge";
import { judgeStorage } from "./judge-storage";
import { DAY, recordSize, storageClaims, withEmbeddingRecord } from "./storage-figures";
import type { ArithmeticCheck, ContextQuantity } from "./types";
import { withDimensions } from "./vector-dimensions";

/** Records logged at a rate, of any period ("200k events per second", "1M messages a minute"); not one machine's share. */
const isEventRate = (q: Quantity) => q.kind === "rate" && !isBytesRate(q) && !isPerServerRate(q);

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
  const qs = withEmbeddingRecord(withDimensions(sentence, sentenceQs));
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
