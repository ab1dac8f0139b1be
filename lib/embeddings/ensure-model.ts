import path from "node:path";
import type { ModelConfig } from "@/lib/env";
import { createProgressLines, formatBytes } from "./download-progress";
import { hasLocalModel } from "./local-model";
import { checkHub, describeFailure, downloadModel } from "./model-hub";

export type ModelAvailability =
  | { available: true; fetched: boolean }
  | {
      available: false;
      /** A clause saying why, e.g. "the model hub at https://huggingface.co/ cannot be reached (…)". */
      why: string;
      /** A sentence saying what the user can do about it. */
      remedy: string;
    };

export interface EnsureModelOptions {
  config: ModelConfig;
  /** Receives status and progress lines while a model is fetched. */
  log?: (line: string) => void;
  /** How long the hub may take to answer before this machine counts as offline. */
  hubTimeoutMs?: number;
}

export const HUB_TIMEOUT_MS = 3000;
const STOP_TRYING = "Set ALLOW_REMOTE_MODELS=false to stop trying.";

/** One reachability check per hub per process: the embedder and the re-ranker share its answer. */
const hubChecks = new Map<string, Promise<string | null>>();

function reachHub(hubUrl: string, timeoutMs: number): Promise<string | null> {
  let check = hubChecks.get(hubUrl);
  if (!check) {
    check = checkHub(hubUrl, timeoutMs);
    hubChecks.set(hubUrl, check);
  }
  return check;
}

/**
 * Makes sure `<modelsDir>/<model>/` holds the model. Present: nothing is requested. Absent and
 * fetching allowed: the hub is asked once, with a short timeout, whether it can be reached at
 * all, and only then is the model fetched into `modelsDir`, so later starts load it locally.
 * Never throws: a model that cannot be had is reported with why and what to do.
 */
export async function ensureLocalModel({
  config,
  log,
  hubTimeoutMs = HUB_TIMEOUT_MS,
}: EnsureModelOptions): Promise<ModelAvailability> {
  const { model, modelsDir, hubUrl } = config;
  if (hasLocalModel(modelsDir, model)) return { available: true, fetched: false };
  if (!config.allowRemote) {
    return {
      available: false,
      why: `model ${model} is not in ${modelsDir} and fetching is off (ALLOW_REMOTE_MODELS=false)`,
      remedy: `Put its files in ${path.join(modelsDir, model)} or unset ALLOW_REMOTE_MODELS to fetch it once.`,
    };
  }
  const unreachable = await reachHub(hubUrl, hubTimeoutMs);
  if (unreachable) {
    return {
      available: false,
      why: `the model hub at ${hubUrl} cannot be reached (${unreachable})`,
      remedy: STOP_TRYING,
    };
  }
  log?.(`model ${model} is not in ${modelsDir}; fetching it once from ${hubUrl}`);
  try {
    const onProgress = log ? createProgressLines(model, log) : undefined;
    const { files, bytes } = await downloadModel({ model, modelsDir, hubUrl, onProgress });
    log?.(`fetched ${model} (${files.length} files, ${formatBytes(bytes)}) into ${modelsDir}`);
    return { available: true, fetched: true };
  } catch (error) {
    return {
      available: false,
      why: `model ${model} could not be fetched from ${hubUrl} (${describeFailure(error)})`,
      remedy: STOP_TRYING,
    };
  }
}
