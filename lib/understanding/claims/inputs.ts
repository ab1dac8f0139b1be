/**
 * Which quantity of a sentence (or of the ledger) plays which part in a relation: the number of
 * vectors, users, actions per user, requests per second, bytes per event, servers.
 */
import { singular } from "../quantities/what";
import type { Quantity } from "../types";

// The field's words for what an index holds (general ML vocabulary). Memory checks take any count
// beside a dimension; this list only ranks the ledger's counts and names a bare memory claim.
export const VECTORS =
  /\b(vectors?|embeddings?|items?|documents?|docs|videos?|images?|products?|listings?|entries|points|passages?|chunks?|posts?|songs?|tracks?|ads?)\b/i;
export const USERS = /\b(users?|dau|mau|people|visitors?|members?|customers?|viewers?|players?|actives?)\b/i;
// The field's words for a unit of a serving fleet (general infrastructure vocabulary).
export const SERVERS =
  /\b(servers?|machines?|nodes?|gpus?|tpus?|hosts?|instances?|boxes|pods?|shards?|workers?|containers?|vms?)\b/i;
/** Compressed vector indexes (general ANN vocabulary): product quantisation and its kin, binary codes. */
export const COMPRESSED_INDEX = /\b(?:pq|opq|product quanti[sz]\w*|quanti[sz]\w*|binary codes?|scann)\b/i;
export const REPLICAS = /\b(replicas?|copies|replication)\b/i;
const BYTE_UNIT = /^(k|m|g|t|p)?i?b\b|bytes?|bits?|[kmgt]bit|gbps|mbps|megs?|gigs?/i;

/** A per-day rate below this is one user's actions ("5 visits a day"), above it a whole service's. */
export const PER_USER_DAILY_MAX = 10_000;

export const isBytesRate = (q: Quantity) => q.kind === "rate" && BYTE_UNIT.test(q.unit);
/** "300 MB/s", "10 Gbps": a bandwidth; "2 TB a day" is storage. */
export const isBandwidth = (q: Quantity) => isBytesRate(q) && /(\/s|ps|second|sec)$/i.test(q.unit);
export const isStorageRate = (q: Quantity) => isBytesRate(q) && !isBandwidth(q);
/** A size on its own: "64 GB", not "200 bytes per event" or "10 KB responses". */
// "8 TB of profile storage", "2 TB of disk space": the phrase's head names where bytes are kept.
export const isPlainSize = (q: Quantity) =>
  q.kind === "bytes" && (!q.what || /^(?:[a-z-]+\s+){0,2}(ram|memory|disk|storage|ssd|space|vram|hbm)$/i.test(q.what));
/** A size per unit of work: "200 bytes per event", "1 KB each", "10 KB responses". */
export const isSizeEach = (q: Quantity) => q.kind === "bytes" && !isPlainSize(q);
// What a memory total is "of" (general ML vocabulary): "12.8 GB of embeddings", "of the index".
const INDEX_CONTENT =
  /^(?:the |our )?(?:\w+ )?(vectors?|embeddings?|index|indexes|indices|features?|weights|parameters|params)$/i;
/** A plain size, or a total "of" what an index holds: "12.8 GB of embeddings" (not "1 KB embeddings", each). */
export const isMemorySize = (q: Quantity, sentence: string) =>
  isPlainSize(q) || (q.kind === "bytes" && /^\s*of\b/i.test(sentence.slice(q.end)) && INDEX_CONTENT.test(q.what ?? ""));

/**
 * The people a per-user rate multiplies: a count of users by name, else the largest count of
 * anything but machines ("40 million riders each open the app 3 times a day").
 */
export function population(qs: Quantity[]): Quantity | undefined {
  return (
    qs.find(isUsers) ??
    qs
      .filter((q) => isPlainCount(q) && q.what && !SERVERS.test(q.what) && !REPLICAS.test(q.what) && !isModelSize(q))
      .sort((a, b) => b.value - a.value)[0]
  );
}

/** "the LLM is 70B": a model's parameter count, never people, records or machines. */
export const isModelSize = (q: Quantity) => q.what === "parameters";

/** A rate said per second ("QPS", "/s", "a second"): the form a claimed load takes. */
export const isPerSecond = (q: Quantity) => /second|sec\b|\/s\b|qps|rps|tps|req\/s/i.test(q.unit);

/**
 * A rate said per second, minute or hour ("6 million requests per minute", "720k calls an hour"):
 * a load, already normalised to a second by the parser. A rate per day or longer is a volume.
 */
export const isSubDayRate = (q: Quantity) =>
  isPerSecond(q) || /\b(?:minute|min|hour|hr|h|hourly)s?$/i.test(q.unit.replace(/^(?:per|a|an|each|every)\s+/i, ""));

export const perDay = (q: Quantity) => q.value * 86_400;

/**
 * The unit a rate is one unit's share of, whatever it is called: the parser writes "2k QPS per box",
 * "each instance does 400" and "hosts doing 250 QPS each" as requests "per box", "per instance",
 * "per host". A rate per user or per period is no unit's share.
 */
export function perUnit(q: Quantity): string | undefined {
  if (q.kind !== "rate" || isBytesRate(q)) return undefined;
  const entity = /\bper ([a-z][\w-]*)$/i.exec(q.what ?? "")?.[1];
  if (!entity || USERS.test(entity) || /^(second|sec|s|minute|min|hour|hr|h|day|week|month|year)s?$/i.test(entity)) {
    return undefined;
  }
  return entity.toLowerCase();
}

/** "each server handles 1,000 QPS", "1,000 QPS per machine": one unit's capacity. */
export const isPerServerRate = (q: Quantity) => perUnit(q) !== undefined;

export const isRequestRate = (q: Quantity) => q.kind === "rate" && !isBytesRate(q) && !isPerServerRate(q);

/** A one-user rate: a per-day (or slower) rate small enough to be one person's. */
export const isPerUserRate = (q: Quantity) =>
  q.kind === "rate" && !isBytesRate(q) && !/second|\/s|qps|rps/i.test(q.unit) && perDay(q) < PER_USER_DAILY_MAX;

export const isUsers = (q: Quantity) => q.kind === "count" && USERS.test(q.what ?? "");
export const isVectors = (q: Quantity) => q.kind === "count" && q.unit === "" && VECTORS.test(q.what ?? "");
/** A plain count of something (not a multiplier such as "3x"). */
export const isPlainCount = (q: Quantity) => q.kind === "count" && q.unit === "";

/**
 * Words that mark a figure as the speaker's estimate or conclusion rather than a given ("about 40
 * GB", "~55k", "something like 30 TB", "a couple of terabytes", "so 30 machines"): general English
 * hedges and conclusion markers. Such a figure is a claim to check even when its inputs must come
 * from earlier in the interview; "The service handles 5,000 QPS" states a given.
 */
const HEDGE_BEFORE =
  /(?:\b(?:about|around|roughly|approximately|approx\.?|nearly|almost|maybe|probably|perhaps|ballpark|circa|something like|on the order of|order of|in the region of|close to|upwards of)|~|≈)\s*$/i;
const VAGUE_NUMBER = /^(?:a couple|a few|several|a handful|half an?\b)/i;

// A figure the sentence derives rather than states: "that's 5 TB a day", "so 30 machines", "which is 2 GB".
const CONCLUSION_BEFORE =
  /\b(?:that's|that is|that gives|that means|which is|which means|so|thus|hence|means|gives|comes to|works out to|adds up to)\b[^,;:.\d]*$/i;

export const isEstimate = (sentence: string, q: Quantity) => {
  const before = sentence.slice(Math.max(0, q.start - 40), q.start);
  return HEDGE_BEFORE.test(before.slice(-24)) || CONCLUSION_BEFORE.test(before) || VAGUE_NUMBER.test(q.text);
};

/**
 * A sentence that opens by pointing back at what was said ("So …", "That's …", "Which …"):
 * its figure is concluded from earlier figures (general English discourse markers).
 */
export const refersBack = (sentence: string) =>
  /^\s*(?:so|thus|hence|therefore|that(?:'s| is| means| gives)?|which|this|it|all in|in total|overall)\b/i.test(
    sentence,
  );

/** A noun phrase's head word, singular: "serving nodes" → "node". */
export const headNoun = (what: string | undefined) => singular(/([A-Za-z][\w-]*)\s*$/.exec(what ?? "")?.[1] ?? "");

/**
 * The ledger's matching quantity that best fits the claim: the most relevant (its own words match
 * the claim's, see `contextFor`), then the most recent statement.
 */
export function fromContext<T extends Quantity>(context: T[], test: (q: T) => boolean): T | undefined {
  let best: T | undefined;
  let bestRelevance = Number.NEGATIVE_INFINITY;
  for (const q of context) {
    const relevance = (q as { relevance?: number }).relevance ?? 0;
    if (test(q) && relevance >= bestRelevance) {
      best = q;
      bestRelevance = relevance;
    }
  }
  return best;
}

/** The number part of a quantity's text, as the candidate wrote it ("1 billion" of "1 billion vectors"). */
export function numberText(q: Quantity): string {
  return q.what && q.text.endsWith(q.what) ? q.text.slice(0, -q.what.length).trim() : q.text;
}

// Words of keeping more than one copy (general infrastructure English).
const COPY_TALK = /\b(replic\w*|cop(?:y|ies)|redundan\w*|mirror\w*|twice|thrice|double[ds]?|triple[ds]?)\b/i;
const LOAD_TALK = /\b(peak|average|avg|mean|traffic|load|burst)\b/i;

/**
 * The copies a total is multiplied by: "3 replicas", "3x replication", "replicated three times",
 * "triple replication", "store every file twice", "doubled for redundancy". A multiplier counts
 * as copies when copy words are near it; with `loose` (storage, where no peak factor applies) any
 * multiplier whose clause speaks of no load does.
 */
export function copiesOf(sentence: string, qs: Quantity[], loose = false): Quantity | undefined {
  return qs.find((q) => {
    if (q.kind !== "count") return false;
    if (q.unit === "" && REPLICAS.test(q.what ?? "")) return q.value >= 1 && q.value <= 10;
    if (q.unit !== "x" || q.value < 1 || q.value > 10 || isCompressionRatio(sentence, q)) return false;
    const near = sentence.slice(Math.max(0, q.start - 30), Math.min(sentence.length, q.end + 30));
    if (COPY_TALK.test(near)) return true;
    return loose && !LOAD_TALK.test(near);
  });
}

/**
 * "compressed 4x", "4x compression", "a 5:1 compression ratio" is spoken as a multiplier but divides
 * what is stored (general storage English).
 */
export const isCompressionRatio = (sentence: string, q: Quantity) =>
  q.unit === "x" &&
  (/\bcompress\w*\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|~)?$/i.test(
    sentence.slice(Math.max(0, q.start - 30), q.start),
  ) ||
    /^\s*(?:compression|compressed|smaller)\b/i.test(sentence.slice(q.end, q.end + 16)));

/**
 * Whether a claimed figure is the sentence's last conclusion, to be judged with every multiplier
 * said (copies): "1 billion images at 20 KB is 20 TB, so 40 TB in total" states one copy first,
 * then the total. Earlier figures may be one copy or all of them.
 */
export const isLastOf = (claim: Quantity, claims: Quantity[]) => claims.every((c) => c.start <= claim.start);
