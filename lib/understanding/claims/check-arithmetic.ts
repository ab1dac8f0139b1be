/**
 * Checks the arithmetic claims of one sentence: memory, storage, QPS, servers, bandwidth, and the
 * one-machine rule, filling a missing input from quantities stated earlier in the interview.
 */
import { parseQuantities } from "../quantities/parse-quantities";
import { checkBandwidth } from "./bandwidth";
import { contextEntries, contextFor } from "./context";
import { checkMemory } from "./memory-claims";
import { checkOneMachine } from "./one-machine";
import { checkQps } from "./qps";
import { checkServers } from "./servers";
import { checkStorage } from "./storage";
import type { ArithmeticCheck, ClaimContext } from "./types";

const CHECKS = [checkMemory, checkStorage, checkBandwidth, checkServers, checkQps] as const;

/** Every arithmetic claim the sentence makes, most specific first; a bare figure yields nothing. */
export function checkArithmeticClaims(sentence: string, context?: ClaimContext): ArithmeticCheck[] {
  const quote = sentence.trim();
  const qs = parseQuantities(quote);
  if (qs.length === 0) return [];
  const ledger = contextFor(quote, contextEntries(context));
  const checks = CHECKS.map((check) => check(quote, qs, ledger)).filter((c): c is ArithmeticCheck => c !== undefined);
  // The one-machine rule speaks only when no stated memory figure was checked.
  if (!checks.some((c) => c.kind === "memory")) {
    const oneMachine = checkOneMachine(quote, qs, ledger);
    if (oneMachine) checks.unshift(oneMachine);
  }
  // A check that could be done comes before one that could not.
  return checks.sort((a, b) => Number(a.verdict === "cannot_check") - Number(b.verdict === "cannot_check"));
}

export type { ArithmeticCheck, ClaimContext } from "./types";
