import { describe, expect, it } from "vitest";
import { configHeaders, createNonce, pageContentSecurityPolicy } from "./security-headers";

describe("pageContentSecurityPolicy", () => {
  it("runs scripts only with the nonce, and never eval outside next dev", () => {
    const policy = pageContentSecurityPolicy({ nonce: "abc123==", dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it("allows eval under next dev, whose React needs it", () => {
    expect(pageContentSecurityPolicy({ nonce: "n", dev: true })).toContain(
      "script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval';",
    );
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, fresh every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("configHeaders", () => {
  it("puts the share headers after the base ones, so no-referrer wins on /s/*", () => {
    const [all, share] = configHeaders();
    expect(all?.source).toBe("/:path*");
    expect(share?.source).toBe("/s/:path*");
    expect(share?.headers).toContainEqual({ key: "Referrer-Policy", value: "no-referrer" });
    expect(share?.headers).toContainEqual({ key: "X-Robots-Tag", value: "noindex, nofollow" });
  });
});
