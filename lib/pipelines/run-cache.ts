/**
 * What a long-lived check worker keeps between runs: generated data, exact baselines, built
 * indexes and deterministic experiment outcomes, keyed by every parameter they depend on.
 *
 * Off unless `enableRunCache` is called, so the CLI, the Lab's one-run workers and the benches
 * always measure a cold run. Bounded as an LRU over both entries and estimated bytes (defaults:
 * 16 entries, 512 MB). An ANN check holds 3 entries per vector width (about 13 MB at 64-d, 45 MB at
 * 256-d) plus the bandwidth probe; a funnel or ctr check holds one (10 MB, 64 KB). An
 * entry larger than the byte bound is used by its run and then dropped, never stored.
 */
import { processScratchDir } from "./scratch";

export interface RunCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_RUN_CACHE_LIMITS: RunCacheLimits = { maxEntries: 16, maxBytes: 512 * 2 ** 20 };

interface Entry {
  value: unknown;
  bytes: number;
  dispose?: () => void;
  /** Runs using the value now: an evicted entry is disposed only once none is. */
  pins: number;
  evicted: boolean;
}

export interface RunCacheStats {
  enabled: boolean;
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  limits: RunCacheLimits;
}

export interface CacheOptions<T> {
  /** Estimated memory (or disk) held by the value. */
  bytes: (value: T) => number;
  /** Frees what the garbage collector cannot (files, native handles). */
  dispose?: (value: T) => void;
}

let limits: RunCacheLimits | null = null;
let scratch: string | null = null;
const entries = new Map<string, Entry>();
let hits = 0;
let misses = 0;

/**
 * Turns caching on in this thread (the check worker does, once), or changes its bounds. Files
 * that cached values hold (saved indexes) go under `scratchDir`, which the thread's owner
 * deletes when the thread ends: a terminated thread runs no cleanup of its own.
 */
export function enableRunCache(bounds: RunCacheLimits = DEFAULT_RUN_CACHE_LIMITS, scratchDir?: string): void {
  limits = bounds;
  scratch = scratchDir ?? scratch;
  evictOverflow();
}

/**
 * Where a run writes files it may keep in the cache: the owner's scratch directory, else this
 * process's (scratch.ts), which names the process so a crash's leftovers are found and swept.
 */
export function runScratchDir(): string {
  return scratch ?? processScratchDir();
}

/** Empties the cache (disposing every entry) and turns it off. */
export function disableRunCache(): void {
  for (const key of [...entries.keys()]) evict(key);
  limits = null;
  scratch = null;
}

export function runCacheStats(): RunCacheStats {
  let bytes = 0;
  for (const entry of entries.values()) bytes += entry.bytes;
  return {
    enabled: limits !== null,
    entries: entries.size,
    bytes,
    hits,
    misses,
    limits: limits ?? DEFAULT_RUN_CACHE_LIMITS,
  };
}

/** A cache key from a namespace and the exact values the cached work depends on. */
export function cacheKey(namespace: string, values: Record<string, unknown>): string {
  return `${namespace}:${JSON.stringify(values)}`;
}

/**
 * Gives `use` the cached value for `key`, computing it on a miss. `compute` failing (or being
 * cancelled) stores nothing. A value that is not kept (cache off, or too big) is disposed once
 * `use` settles, so callers hold no resources either way.
 */
export async function withCached<T, R>(
  key: string,
  compute: () => Promise<T>,
  options: CacheOptions<T>,
  use: (value: T, hit: boolean) => Promise<R> | R,
): Promise<R> {
  const found = limits ? entries.get(key) : undefined;
  let entry: Entry;
  if (found && !found.evicted) {
    hits++;
    entries.delete(key);
    entries.set(key, found);
    entry = found;
  } else {
    if (limits) misses++;
    const value = await compute();
    entry = {
      value,
      bytes: options.bytes(value),
      dispose: options.dispose && (() => options.dispose?.(value)),
      pins: 0,
      evicted: true,
    };
    if (limits && entry.bytes <= limits.maxBytes) {
      entry.evicted = false;
      entries.set(key, entry);
      evictOverflow(key);
    }
  }
  entry.pins++;
  try {
    return await use(entry.value as T, entry === found);
  } finally {
    entry.pins--;
    if (entry.evicted && entry.pins === 0) entry.dispose?.();
  }
}

/** `withCached` for a value that needs no cleanup. */
export function cached<T>(key: string, compute: () => Promise<T>, bytes: (value: T) => number): Promise<T> {
  return withCached(key, compute, { bytes }, (value) => value);
}

/** Drops least recently used entries (never `keep`, just stored) until both bounds hold. */
function evictOverflow(keep?: string): void {
  if (!limits) return;
  const over = () => {
    let bytes = 0;
    for (const entry of entries.values()) bytes += entry.bytes;
    return entries.size > (limits?.maxEntries ?? 0) || bytes > (limits?.maxBytes ?? 0);
  };
  for (const key of [...entries.keys()]) {
    if (!over()) return;
    if (key !== keep) evict(key);
  }
}

function evict(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  entry.evicted = true;
  if (entry.pins === 0) entry.dispose?.();
}
