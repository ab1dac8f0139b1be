import type { StepId } from "@/lib/framework";
import { SCENARIO_IDS } from "@/lib/framework";
import { mulberry32 } from "@/lib/pipelines/random";
import type { Server } from "@/services/testing/app-servers";
import { sleep } from "../lib/sleep";
import { createMessageSource } from "./messages";
import { describeFailure, errorCode, sendTurn, type Tally } from "./turn";

/**
 * One simulated candidate of `npm run bench:load`: its own identity cookie, an interview, then
 * messages one after another until the deadline, each after a think time drawn uniformly from
 * half to one and a half times the mean (a fast typist's 5 s by default). When an interview ends
 * the candidate starts the next one, on the next scenario.
 */
export interface CandidatePlan {
  index: number;
  servers: Server[];
  /** Performance-clock time after which no new message is sent. */
  deadline: number;
  /** Mean wait between a reply and the next message, ms; 0 sends at once. */
  thinkMs: number;
  /** Stop after this many messages even before the deadline (null: no cap). */
  maxTurns: number | null;
  seed: number;
  tally: Tally;
  abort: AbortSignal;
  onTurn: () => void;
}

/** Starts an interview on `server` as `cookie`; null (counted) when it fails. */
async function startInterview(
  server: Server,
  cookie: string,
  scenario: number,
  plan: CandidatePlan,
): Promise<{ id: string; step: StepId } | null> {
  try {
    const started = await fetch(`${server.url}/api/interviews`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ scenarioId: SCENARIO_IDS[scenario % SCENARIO_IDS.length], level: "senior" }),
      signal: plan.abort,
    });
    if (started.status !== 201) {
      plan.tally.fail(`start ${started.status} ${await errorCode(started)}`);
      return null;
    }
    const body = (await started.json()) as { id: string; currentStep: StepId };
    plan.tally.interviews += 1;
    return { id: body.id, step: body.currentStep };
  } catch (error) {
    if (!plan.abort.aborted) plan.tally.fail(`start failed: ${describeFailure(error)}`);
    return null;
  }
}

/** Runs one candidate to the deadline; returns the readings of its streams still open. */
export async function candidate(plan: CandidatePlan): Promise<Array<Promise<void>>> {
  const { index, servers, tally, abort } = plan;
  const serverFor = (message: number) => servers[(index + message) % servers.length] as Server;
  const random = mulberry32(plan.seed * 100_003 + index);
  const drains: Array<Promise<void>> = [];
  // People arrive over the first think time, not in one burst.
  await sleep(random() * plan.thinkMs, abort);
  let cookie: string;
  try {
    const health = await fetch(`${serverFor(0).url}/api/health`, { signal: abort });
    await health.arrayBuffer();
    cookie = (health.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    if (!cookie.includes("=")) throw new Error(`${serverFor(0).url}/api/health set no identity cookie`);
  } catch (error) {
    if (!abort.aborted) tally.fail(`identity failed: ${describeFailure(error)}`);
    return drains;
  }
  let scenario = index;
  let interview = await startInterview(serverFor(0), cookie, scenario, plan);
  let nextMessage = createMessageSource(random);
  for (let message = 0; interview && !abort.aborted; message++) {
    if (performance.now() >= plan.deadline || (plan.maxTurns !== null && message >= plan.maxTurns)) break;
    const { content, numeric } = nextMessage(interview.step);
    tally.turns += 1;
    if (numeric) tally.numericTurns += 1;
    const result = await sendTurn(serverFor(message), cookie, interview.id, content, tally, abort);
    plan.onTurn();
    if (result) {
      drains.push(result.rest);
      interview.step = result.view.currentStep;
      if (result.view.status === "completed") {
        scenario += 1;
        interview = await startInterview(serverFor(message + 1), cookie, scenario, plan);
        nextMessage = createMessageSource(random);
      }
    }
    if (plan.thinkMs > 0) {
      const wait = plan.thinkMs * (0.5 + random());
      // A message that would go after the deadline is not sent, so the run ends on time.
      if (performance.now() + wait >= plan.deadline) break;
      await sleep(wait, abort);
    }
  }
  return drains;
}
