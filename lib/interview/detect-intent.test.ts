import { describe, expect, it } from "vitest";
import { detectIntent } from "./detect-intent";

describe("detectIntent", () => {
  it.each([
    ["next", "next"],
    ["  Next. ", "next"],
    ["skip", "next"],
    ["let's move on", "next"],
    ["hint", "hint"],
    ["Can I get a hint?", "hint"],
    ["end interview", "end"],
    ["How many daily active users are there?", "question"],
    ["I would rank the next videos by expected watch time because clicks reward clickbait.", "answer"],
    ["Next, I would look at the latency budget of 200 ms.", "answer"],
  ])("%j is %s", (message, intent) => {
    expect(detectIntent(message)).toBe(intent);
  });
});
