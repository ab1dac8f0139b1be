import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { PretrainedConfig } from "@huggingface/transformers";
import { MODEL_FILES } from "./local-model";

/** Bytes of one file received so far; `total` is null when the hub sent no length. */
export interface FileProgress {
  file: string;
  loaded: number;
  total: number | null;
}

/** A model id as the hub spells it: `name` or `owner/name`, nothing that could leave `modelsDir`. */
const MODEL_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

/** Where the hub serves one file of a model: transformers.js's `remoteHost` + `remotePathTemplate`. */
export function modelFileUrl(hubUrl: string, model: string, file: string): URL {
  return new URL(`${model}/resolve/main/${file}`, hubUrl);
}

/** Why a request failed, in a few words: the system error ("connect ECONNREFUSED ...") when there is one. */
export function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Null when the hub answers a HEAD request within `timeoutMs`, otherwise why not. Any answer
 * below 500 counts: the point is to learn quickly whether this machine can reach it at all.
 */
export async function checkHub(hubUrl: string, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(hubUrl, {
      method: "HEAD",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.status < 500 ? null : `it answered ${response.status}`;
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${timeoutMs / 1000} s`;
    return describeFailure(error);
  }
}

interface DownloadOptions {
  hubUrl: string;
  model: string;
  modelsDir: string;
  onProgress?: (progress: FileProgress) => void;
  /** A transfer that receives nothing for this long is abandoned. */
  stallTimeoutMs?: number;
}

const destination = (options: DownloadOptions, file: string) => path.join(options.modelsDir, options.model, file);
/** Where a file waits, under a name transformers.js never reads, until the whole model has arrived. */
const partialPath = (options: DownloadOptions, file: string) => `${destination(options, file)}.part-${process.pid}`;

/** Fetches one file to its partialPath and returns its size, or null on a 404. */
async function fetchFile(options: DownloadOptions, file: string): Promise<number | null> {
  const url = modelFileUrl(options.hubUrl, options.model, file);
  const stallMs = options.stallTimeoutMs ?? 30_000;
  const controller = new AbortController();
  const stalled = () => controller.abort(new Error(`${url} sent nothing for ${stallMs / 1000} s`));
  let timer = setTimeout(stalled, stallMs);
  const partial = partialPath(options, file);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
    const total = Number(response.headers.get("content-length")) || null;
    let size = 0;
    await mkdir(path.dirname(partial), { recursive: true });
    await pipeline(
      Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>),
      async function* count(chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          clearTimeout(timer);
          timer = setTimeout(stalled, stallMs);
          size += chunk.byteLength;
          options.onProgress?.({ file, loaded: size, total });
          yield chunk;
        }
      },
      createWriteStream(partial),
    );
    return size;
  } catch (error) {
    await rm(partial, { force: true });
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches a model into `<modelsDir>/<model>/` in the transformers.js local layout: its config,
 * its tokenizer, and the ONNX files transformers.js itself says the config needs, quantised when
 * the hub has that export, else full precision. Files are fetched under temporary names and
 * renamed only when all have arrived, the ONNX graph last, so an interrupted fetch never leaves
 * what looks like a model (see hasLocalModel). Returns the files and the bytes fetched.
 */
export async function downloadModel(options: DownloadOptions): Promise<{ files: string[]; bytes: number }> {
  if (!MODEL_ID.test(options.model) || options.model.includes("..")) {
    throw new Error(`"${options.model}" is not a hub model id (owner/name)`);
  }
  /** File -> bytes, for the files fetched so far. */
  const staged = new Map<string, number>();
  const stage = async (file: string, optional = false) => {
    const size = await fetchFile(options, file);
    if (size !== null) staged.set(file, size);
    else if (!optional) throw new Error(`${modelFileUrl(options.hubUrl, options.model, file)} answered 404`);
    return size !== null;
  };
  try {
    for (const file of MODEL_FILES) await stage(file);
    // transformers.js wraps a plain config.json object itself.
    const config = JSON.parse(await readFile(partialPath(options, "config.json"), "utf8")) as PretrainedConfig;
    const graph = await stageOnnx(options, config, stage);
    // Renames are instant; the graph goes last, so a model is only ever seen whole.
    const files = [...staged.keys()].filter((file) => file !== graph).concat(graph);
    for (const file of files) await rename(partialPath(options, file), destination(options, file));
    return { files, bytes: [...staged.values()].reduce((sum, size) => sum + size, 0) };
  } catch (error) {
    await Promise.all([...staged.keys()].map((file) => rm(partialPath(options, file), { force: true })));
    throw error;
  }
}

/** Stages the quantised export, or the full one when the hub has no quantised graph; returns the graph's file. */
async function stageOnnx(
  options: DownloadOptions,
  config: PretrainedConfig,
  stage: (file: string, optional?: boolean) => Promise<boolean>,
): Promise<string> {
  const { ModelRegistry } = await import("@huggingface/transformers");
  for (const dtype of ["q8", "fp32"] as const) {
    const files = await ModelRegistry.get_model_files(options.model, { config, dtype });
    const graph = files.find((file) => file.startsWith("onnx/") && file.endsWith(".onnx"));
    if (!graph) throw new Error(`transformers.js names no ONNX file for model ${options.model}`);
    if (!(await stage(graph, true))) continue;
    // External weight files are required; other configs (generation_config.json) are optional.
    for (const file of files.filter((f) => f !== graph && f !== "config.json")) {
      await stage(file, !file.startsWith("onnx/"));
    }
    return graph;
  }
  throw new Error(`the hub has neither onnx/model_quantized.onnx nor onnx/model.onnx for ${options.model}`);
}
