/**
 * Identity B of `npm run bench:fairness`: someone who opens the Lab in five tabs and keeps
 * pressing Run on the largest ANN run the parameter caps allow. Each of `heavy` loops fires a
 * run, and fires again as soon as it is refused (429), the server is busy (503) or the run ends;
 * a refusal is followed by a short pause so the loop is bounded. Every run has its own seed, so
 * nothing could be served from a cache. Tracks how many of B's runs were open, waiting in the
 * server's line and actually computing at once: the gate should keep the last at one.
 */
import { performance } from "node:perf_hooks";
import { readNdjsonEvents } from "@/lib/streams/read-stream";
import type { Server } from "@/services/testing/app-servers";
import { sleep } from "../lib/sleep";

/**
 * The heaviest ANN run lib/pipelines/ann/params.ts accepts: n = 100,000, n x dim x
 * max(efConstruction, M) = 819.2M, queries x sum(efSweep) x dim = 131,072,000 and queries x n x
 * dim = 12.8e9, each exactly at its cap; M and k at their maxima; isotropic noise (decay 0), the
 * hardest data.
 */
export function heaviestAnnRun(seed: number) {
  return {
    n: 100_000,
    dim: 128,
    clusters: 100,
    decay: 0,
    k: 100,
    queries: 1000,
    M: 64,
    efConstruction: 64,
    efSweep: [256, 256, 256, 256],
    seed,
  };
}

/** A loop may fire at most this many requests, whatever happens: no unbounded loop. */
const MAX_FIRES_PER_LOOP = 5000;
/** The server's progress line while a run waits for a slot (services/pipeline-gate.ts via the route). */
const WAITING = /^Waiting for a free worker/;

export class AbuseTally {
  started = 0;
  refused = 0;
  busy = 0;
  completed = 0;
  failed = 0;
  /** Runs still open when the phase ended, cancelled by closing their requests. */
  cut = 0;
  other = new Map<string, number>();
  open = 0;
  waiting = 0;
  computing = 0;
  maxOpen = 0;
  maxWaiting = 0;
  maxComputing = 0;
  /**
   * What B's computing run was doing from when on (performance clock; null: none computing), so
   * A's turns can be split by stage: the stages load the machine differently (a memory-bandwidth
   * probe, a one-thread exact scan, an HNSW build on every core).
   */
  stages: Array<[at: number, stage: string | null]> = [];

  setComputing(delta: 1 | -1): void {
    this.computing += delta;
    this.maxComputing = Math.max(this.maxComputing, this.computing);
    if (this.computing === 0) this.stages.push([performance.now(), null]);
  }

  /** Notes the stage of a computing run from its progress line ("Building the HNSW index (M = 64, …)"). */
  setStage(message: string): void {
    const stage =
      message
        .split(/[(:,]/)[0]
        ?.replace(/[\d,]+/g, "N")
        .trim() ?? message;
    if (this.stages.at(-1)?.[1] !== stage) this.stages.push([performance.now(), stage]);
  }

  /** The stage one of B's runs was computing at `at`, or null when none was. */
  stageAt(at: number): string | null {
    let stage: string | null = null;
    for (const [from, what] of this.stages) {
      if (from > at) break;
      stage = what;
    }
    return stage;
  }
}

/** Reads one admitted run to its end, following its state: waiting in line, then computing. */
async function follow(body: NonNullable<Response["body"]>, tally: AbuseTally, stop: AbortSignal): Promise<void> {
  // In an object: it changes inside `enter`, where TypeScript's narrowing cannot see.
  const run: { state: "open" | "waiting" | "computing" } = { state: "open" };
  const enter = (next: "waiting" | "computing") => {
    if (run.state === next) return;
    if (run.state === "waiting") tally.waiting--;
    if (next === "waiting") tally.maxWaiting = Math.max(tally.maxWaiting, ++tally.waiting);
    else tally.setComputing(1);
    run.state = next;
  };
  let ended: "completed" | "failed" | null = null;
  try {
    for await (const event of readNdjsonEvents(body)) {
      if (event.type === "progress") {
        const waiting = WAITING.test(event.message);
        enter(waiting ? "waiting" : "computing");
        if (!waiting) tally.setStage(event.message);
      } else if (event.type === "result") ended = "completed";
      else if (event.type === "error") ended = "failed";
    }
  } catch {
    // Closed by the end of the phase (or the server): counted below.
  }
  if (run.state === "waiting") tally.waiting--;
  if (run.state === "computing") tally.setComputing(-1);
  if (ended) tally[ended]++;
  else if (stop.aborted) tally.cut++;
  else tally.failed++;
}

async function loop(
  server: Server,
  cookie: string,
  index: number,
  tally: AbuseTally,
  stop: AbortSignal,
  refireMs: number,
) {
  for (let fire = 0; fire < MAX_FIRES_PER_LOOP && !stop.aborted; fire++) {
    let response: Response;
    try {
      response = await fetch(`${server.url}/api/pipelines/ann`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/x-ndjson", cookie },
        body: JSON.stringify(heaviestAnnRun(1000 * (index + 1) + fire)),
        signal: stop,
      });
    } catch {
      if (stop.aborted) return;
      tally.other.set("request failed", (tally.other.get("request failed") ?? 0) + 1);
      await sleep(refireMs, stop);
      continue;
    }
    if (response.status === 200 && response.body) {
      tally.started++;
      tally.maxOpen = Math.max(tally.maxOpen, ++tally.open);
      await follow(response.body, tally, stop);
      tally.open--;
      continue;
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 429) tally.refused++;
    else if (response.status === 503) tally.busy++;
    else tally.other.set(String(response.status), (tally.other.get(String(response.status)) ?? 0) + 1);
    await sleep(refireMs, stop);
  }
}

/** Starts B's loops; aborting `stop` closes every open run and ends the loops. */
export function startAbuse(
  server: Server,
  cookie: string,
  options: { heavy: number; refireMs: number; stop: AbortSignal },
): { tally: AbuseTally; done: Promise<void> } {
  const tally = new AbuseTally();
  const loops = Array.from({ length: options.heavy }, (_, index) =>
    loop(server, cookie, index, tally, options.stop, options.refireMs),
  );
  return { tally, done: Promise.all(loops).then(() => undefined) };
}
