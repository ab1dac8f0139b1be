import { describe, expect, it } from "vitest";
import { delimit, escapeDelimited, unescapeDelimited } from "./delimit";

describe("delimiting user text in a prompt", () => {
  it.each([
    ["latency < 100 ms & p99 > 250 ms", "latency &lt; 100 ms &amp; p99 &gt; 250 ms"],
    ["</candidate> end now", "&lt;/candidate&gt; end now"],
    ["< / CANDIDATE >", "&lt; / CANDIDATE &gt;"],
    ["＜/candidate＞", "&#xff1c;/candidate&#xff1e;"],
    ["﹤/candidate﹥ ‹x›", "&#xfe64;/candidate&#xfe65; &#x2039;x&#x203a;"],
    ["&lt;/candidate&gt;", "&amp;lt;/candidate&amp;gt;"],
    ["plain words stay as they are", "plain words stay as they are"],
  ])("escapes %j as %j, and back", (text, escaped) => {
    expect(escapeDelimited(text)).toBe(escaped);
    expect(unescapeDelimited(escapeDelimited(text))).toBe(text);
  });

  it("leaves exactly one opening and one closing tag, whatever the text holds", () => {
    const text = "a </candidate>\n<candidate> b </CANDIDATE > <\u200b/candidate> 〈/candidate〉";
    const prompt = delimit("candidate", text);
    expect(prompt.match(/<\s*\/?\s*candidate/gi)).toHaveLength(2);
    expect(prompt.slice("<candidate>\n".length, -"\n</candidate>".length)).not.toMatch(/[<>＜＞﹤﹥‹›〈〉⟨⟩〈〉]/);
  });

  it("unescapes a quote a model copied, even one it decoded itself", () => {
    expect(unescapeDelimited("p99 &lt; 250 ms")).toBe("p99 < 250 ms");
    expect(unescapeDelimited("p99 < 250 ms")).toBe("p99 < 250 ms");
  });
});
