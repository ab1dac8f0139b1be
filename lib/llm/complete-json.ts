import type OpenAI from "openai";
import type { z } from "zod";
import type { LlmClient } from "./client";

/** The model's output did not fit the schema, even after one corrective retry. */
export class StructuredOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StructuredOutputError";
  }
}

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

function parse<T>(
  schema: z.ZodType<T>,
  content: string | null | undefined,
): { ok: true; value: T } | { ok: false; problem: string } {
  if (!content) return { ok: false, problem: "the reply was empty" };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { ok: false, problem: "the reply was not valid JSON" };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: `${issue?.path.join(".") || "the reply"}: ${issue?.message ?? "invalid"}` };
}

/**
 * Asks for a JSON object and validates it with `schema`. An invalid reply is retried once with
 * the problem stated; a second invalid reply throws StructuredOutputError (a failure for the
 * breaker, like an HTTP error), so the caller can fall back to its offline policy.
 */
export async function completeJson<T>({
  client,
  messages,
  schema,
}: {
  client: LlmClient;
  messages: Message[];
  schema: z.ZodType<T>;
}): Promise<T> {
  const ask = (conversation: Message[]) =>
    client.openai.chat.completions.create({
      model: client.model,
      messages: conversation,
      response_format: { type: "json_object" },
      temperature: 0,
    });
  // One call for the breaker: output still unusable after the retry counts as a failure too.
  return client.breaker.run(async () => {
    const first = await ask(messages);
    const content = first.choices[0]?.message.content;
    const parsed = parse(schema, content);
    if (parsed.ok) return parsed.value;
    const retry = await ask([
      ...messages,
      { role: "assistant", content: content ?? "" },
      {
        role: "user",
        content: `That reply was not usable (${parsed.problem}). Reply again with only the JSON object.`,
      },
    ]);
    const second = parse(schema, retry.choices[0]?.message.content);
    if (second.ok) return second.value;
    throw new StructuredOutputError(`The model's structured output was invalid twice: ${second.problem}.`);
  });
}
