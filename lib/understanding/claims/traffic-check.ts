/** The card of a traffic check (QPS, servers, bandwidth): the claim, the expected figure and how it was reached. */
import type { Quantity } from "../types";
import { numberText } from "./inputs";
import { type judge, TOLERANCE_NOTE, times } from "./judge";
import type { ArithmeticCheck } from "./types";

/** "3,000" of "3,000 requests per second": the figure as the candidate said it, without the unit the sentence repeats. */
const leadingNumber = (q: Quantity) =>
  /^[\d.,]+(?:\s?(?:thousand|million|billion|k|m|b)\b)?|^[a-z -]+?(?= (qps|requests|servers|machines|nodes|gpus))/i.exec(
    q.text,
  )?.[0] ?? numberText(q);

/** A traffic check of one claimed figure against the expected one. */
export function trafficCheck(
  kind: ArithmeticCheck["kind"],
  sentence: string,
  claim: Quantity,
  expected: number,
  judged: ReturnType<typeof judge>,
  parts: { formula: string; subject: string; said: string; rows: ArithmeticCheck["rows"]; assumptions: string[] },
): ArithmeticCheck {
  return {
    kind,
    quote: sentence,
    verdict: judged.verdict,
    claimed: { value: claim.value, text: claim.text },
    expected,
    factor: judged.factor,
    formula: parts.formula,
    missing: [],
    headline:
      judged.verdict === "consistent"
        ? `Right: ${parts.subject} is about ${parts.said}.`
        : `${parts.subject} is about ${parts.said}, not ${kind === "bandwidth" ? claim.text : leadingNumber(claim)}.`,
    rows: [
      { label: "Your figure", value: claim.text },
      ...parts.rows,
      { label: "Off by", value: times(judged.factor) },
    ],
    assumptions: [...parts.assumptions, TOLERANCE_NOTE],
  };
}
