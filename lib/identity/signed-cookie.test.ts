import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signUserId, verifySignedUserId } from "./signed-cookie";
import { getSigningSecret } from "./signing-secret";

describe("signed identity cookies", () => {
  it("round-trips a user id and rejects forgeries", () => {
    const id = randomUUID();
    const value = signUserId(id, "secret-a");
    expect(verifySignedUserId(value, "secret-a")).toBe(id);
    expect(verifySignedUserId(value, "secret-b")).toBeNull();
    expect(verifySignedUserId(`${randomUUID()}.${value.split(".")[1]}`, "secret-a")).toBeNull();
    expect(verifySignedUserId(`${id}.`, "secret-a")).toBeNull();
    expect(verifySignedUserId("not-a-uuid.abc", "secret-a")).toBeNull();
    expect(verifySignedUserId(undefined, "secret-a")).toBeNull();
  });
});

describe("getSigningSecret", () => {
  it("prefers the configured secret, else generates one into the data dir and keeps it", () => {
    expect(getSigningSecret({ configured: "from-env", dataDir: "/nonexistent" })).toBe("from-env");
    const dir = mkdtempSync(path.join(tmpdir(), "probe-secret-"));
    try {
      const secret = getSigningSecret({ configured: undefined, dataDir: dir });
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(path.join(dir, "secret"), "utf8")).toBe(secret);
      expect(statSync(path.join(dir, "secret")).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
