/**
 * Which quantity of a sentence (or of the ledger) plays which part in a relation: the number of
 * vectors, users, actions per user, requests per second, bytes per event, servers.
 */
import type { Quantity } from "../types";

export const VECTORS =
  /\b(vectors?|embeddings?|items?|documents?|docs|videos?|images?|products?|listings?|entries|points|passages?|chunks?|posts?|songs?|tracks?|ads?)\b/i;
export const USERS = /\b(users?|dau|mau|people|visitors?|members?|customers?|viewers?|players?|actives?)\b/i;
export const SERVERS = /\b(servers?|machines?|nodes?|gpus?|hosts?|instances?|boxes|pods?|shards?)\b/i;
export const REPLICAS = /\b(replicas?|copies|replication)\b/i;
const BYTE_UNIT = /^(k|m|g|t|p)?i?b\b|bytes?|bits?|[kmgt]bit|gbps|mbps/i;

/** A per-day rate below this is one user's actions ("5 visits a day"), above it a whole service's. */
export const PER_USER_DAILY_MAX = 10_000;

export const isBytesRate = (q: Quantity) => q.kind === "rate" && BYTE_UNIT.test(q.unit);
/** "300 MB/s", "10 Gbps": a bandwidth; "2 TB a day" is storage. */
export const isBandwidth = (q: Quantity) => isBytesRate(q) && /(\/s|ps|second|sec)$/i.test(q.unit);
export const isStorageRate = (q: Quantity) => isBytesRate(q) && !isBandwidth(q);
/** A size on its own: "64 GB", not "200 bytes per event" or "10 KB responses". */
export const isPlainSize = (q: Quantity) =>
  q.kind === "bytes" && (!q.what || /^(ram|memory|disk|storage|ssd|space|vram|hbm)$/i.test(q.what));
/** A size per unit of work: "200 bytes per event", "1 KB each", "10 KB responses". */
export const isSizeEach = (q: Quantity) => q.kind === "bytes" && !isPlainSize(q);

export const perDay = (q: Quantity) => q.value * 86_400;
export const isRequestRate = (q: Quantity) =>
  q.kind === "rate" &&
  !isBytesRate(q) &&
  !/per (server|machine|node|gpu|host|instance|replica|core|box|shard|pod)/.test(q.what ?? "");

/** "each server handles 1,000 QPS", "1,000 QPS per machine": one server's capacity. */
export function isPerServerRate(q: Quantity, sentence: string): boolean {
  if (q.kind !== "rate" || isBytesRate(q)) return false;
  if (/per (server|machine|node|gpu|host|instance|replica|core|box|shard|pod)/.test(q.what ?? "")) return true;
  const before = sentence.slice(Math.max(0, q.start - 40), q.start);
  return /\b(each|per|one|a single|every)\s+(server|machine|node|gpu|host|instance|box|pod|replica)\b[^,;.]*$/i.test(
    before,
  );
}

/** A one-user rate: a per-day (or slower) rate small enough to be one person's. */
export const isPerUserRate = (q: Quantity) =>
  q.kind === "rate" && !isBytesRate(q) && !/second|\/s|qps|rps/i.test(q.unit) && perDay(q) < PER_USER_DAILY_MAX;

export const isUsers = (q: Quantity) => q.kind === "count" && USERS.test(q.what ?? "");
export const isVectors = (q: Quantity) => q.kind === "count" && q.unit === "" && VECTORS.test(q.what ?? "");

/** The last matching quantity of the ledger: the most recent statement wins. */
export function fromContext(context: Quantity[], test: (q: Quantity) => boolean): Quantity | undefined {
  return [...context].reverse().find(test);
}

/** The number part of a quantity's text, as the candidate wrote it ("1 billion" of "1 billion vectors"). */
export function numberText(q: Quantity): string {
  return q.what && q.text.endsWith(q.what) ? q.text.slice(0, -q.what.length).trim() : q.text;
}
