import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";

describe("parseConfig", () => {
  it("defaults to embedded PGlite under ./.data and the offline interviewer", () => {
    const config = parseConfig({}, "/srv/probe");
    expect(config.database).toEqual({ kind: "pglite", dataDir: path.join("/srv/probe", ".data", "pglite") });
    expect(config.llm).toBeNull();
    const models = {
      modelsDir: path.join("/srv/probe", ".data", "models"),
      allowRemote: true,
      hubUrl: "https://huggingface.co/",
    };
    expect(config.embedding).toEqual({ model: "Xenova/all-MiniLM-L6-v2", ...models });
    expect(config.reranker).toEqual({ model: "Xenova/ms-marco-MiniLM-L-6-v2", ...models });
  });

  it("switches to Postgres when DATABASE_URL is set", () => {
    const config = parseConfig({ DATABASE_URL: "postgres://u:p@db:5432/probe" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u:p@db:5432/probe" });
  });

  it("treats an empty value as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", OPENAI_API_KEY: " " }).database.kind).toBe("pglite");
  });

  it("builds an LLM config from a key, or from a base URL alone for local servers", () => {
    expect(parseConfig({ OPENAI_API_KEY: "sk-test", LLM_MODEL: "gpt-4.1" }).llm).toEqual({
      apiKey: "sk-test",
      baseURL: undefined,
      model: "gpt-4.1",
    });
    const local = parseConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "llama3.1" }).llm;
    expect(local?.baseURL).toBe("http://127.0.0.1:11434/v1");
    expect(local?.apiKey).toBe("not-needed");
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/probe"],
    ["DATABASE_URL", "not a url"],
    ["OPENAI_BASE_URL", "ftp://example/v1"],
    ["ALLOW_REMOTE_MODELS", "maybe"],
    ["MODEL_HUB_URL", "huggingface.co"],
    ["RERANKER", "sometimes"],
    ["LOG_LEVEL", "loud"],
  ])("rejects %s=%s with a sentence that names the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`${name} .*\\(got "${value}"\\)\\.`));
  });

  it.each([
    [undefined, true],
    ["", true],
    ["true", true],
    ["YES", true],
    ["false", false],
    ["0", false],
  ])("reads ALLOW_REMOTE_MODELS=%s as %s, for both models", (value, allowRemote) => {
    const config = parseConfig({ ALLOW_REMOTE_MODELS: value });
    expect(config.embedding.allowRemote).toBe(allowRemote);
    expect(config.reranker?.allowRemote).toBe(allowRemote);
  });

  it.each([
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080/"],
    ["https://mirror.example/hf", "https://mirror.example/hf/"],
    ["https://mirror.example/hf/", "https://mirror.example/hf/"],
  ])("takes MODEL_HUB_URL=%s as the base URL %s", (value, hubUrl) => {
    const config = parseConfig({ MODEL_HUB_URL: value });
    expect(config.embedding.hubUrl).toBe(hubUrl);
    expect(config.reranker?.hubUrl).toBe(hubUrl);
  });

  it("turns the re-ranker off with RERANKER=off and names its model with RERANKER_MODEL", () => {
    expect(parseConfig({ RERANKER: "off" }).reranker).toBeNull();
    expect(parseConfig({ RERANKER: "false" }).reranker).toBeNull();
    expect(
      parseConfig({ RERANKER: "on", RERANKER_MODEL: "cross-encoder/ms-marco-TinyBERT-L-2-v2" }).reranker?.model,
    ).toBe("cross-encoder/ms-marco-TinyBERT-L-2-v2");
  });

  it("takes the pipeline runs' stale window from PIPELINE_STALE_SECONDS, 60 s by default", () => {
    expect(parseConfig({}).pipelineStaleMs).toBe(60_000);
    expect(parseConfig({ PIPELINE_STALE_SECONDS: "" }).pipelineStaleMs).toBe(60_000);
    expect(parseConfig({ PIPELINE_STALE_SECONDS: "3" }).pipelineStaleMs).toBe(3_000);
    expect(() => parseConfig({ PIPELINE_STALE_SECONDS: "0" })).toThrow(/PIPELINE_STALE_SECONDS must be at least 1/);
    expect(() => parseConfig({ PIPELINE_STALE_SECONDS: "1.5" })).toThrow(/PIPELINE_STALE_SECONDS must be a whole/);
  });
});
