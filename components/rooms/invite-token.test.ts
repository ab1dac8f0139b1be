import { describe, expect, it } from "vitest";
import { inviteTokenOf } from "./invite-token";

describe("inviteTokenOf", () => {
  it.each([
    ["a whole invite URL", "https://probe.example/rooms/join?token=abc_DEF-123", "abc_DEF-123"],
    ["a URL with more parameters", "http://127.0.0.1:3000/rooms/join?x=1&token=tok#frag", "tok"],
    ["a bare token with spaces around it", "  abc_DEF-123 \n", "abc_DEF-123"],
    ["a path without the origin", "/rooms/join?token=tok&x=1", "tok"],
    ["an empty paste", "   ", null],
    ["a URL without a token", "https://probe.example/rooms/join", null],
  ])("%s", (_case, pasted, token) => {
    expect(inviteTokenOf(pasted)).toBe(token);
  });
});
