import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env";

describe("parseConfig", () => {
  it("defaults to embedded PGlite under ./.data and the offline interviewer", () => {
    const config = parseConfig({}, "/srv/probe");
    expect(config.database).toEqual({ kind: "pglite", dataDir: path.join("/srv/probe", ".data", "pglite") });
    expect(config.llm).toBeNull();
    expect(config.embedding).toEqual({
      model: "Xenova/all-MiniLM-L6-v2",
      modelsDir: path.join("/srv/probe", ".data", "models"),
      allowRemote: false,
    });
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
    ["LOG_LEVEL", "loud"],
  ])("rejects %s=%s with a sentence that names the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`${name} .*\\(got "${value}"\\)\\.`));
  });

  it("reads ALLOW_REMOTE_MODELS as a boolean", () => {
    expect(parseConfig({ ALLOW_REMOTE_MODELS: "true" }).embedding.allowRemote).toBe(true);
    expect(parseConfig({ ALLOW_REMOTE_MODELS: "0" }).embedding.allowRemote).toBe(false);
  });
});
