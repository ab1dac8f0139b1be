import type OpenAI from "openai";
import { z } from "zod";
import type { LlmClient } from "./client";
import { StructuredOutputError } from "./complete-json";

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/**
 * Offers the model one function tool and returns its validated arguments when it calls it, or
 * null when it answers without calling it. Arguments that are not JSON or fail the zod schema
 * throw StructuredOutputError (a failure for the breaker), so the caller falls back to its
 * offline policy.
 */
export async function callTool<T>({
  client,
  messages,
  name,
  description,
  schema,
}: {
  client: LlmClient;
  messages: Message[];
  name: string;
  description: string;
  schema: z.ZodType<T>;
}): Promise<T | null> {
  // One call for the breaker: arguments that fit no schema count as a failure too.
  return client.breaker.run(async () => {
    const response = await client.openai.chat.completions.create({
      model: client.model,
      messages,
      temperature: 0,
      tools: [
        {
          type: "function",
          function: { name, description, parameters: z.toJSONSchema(schema) as Record<string, unknown> },
        },
      ],
      tool_choice: "auto",
    });
    const call = response.choices[0]?.message.tool_calls?.find(
      (c) => c.type === "function" && c.function.name === name,
    );
    if (call?.type !== "function") return null;
    let args: unknown;
    try {
      args = JSON.parse(call.function.arguments);
    } catch {
      throw new StructuredOutputError(`The model called ${name} with arguments that are not JSON.`);
    }
    const parsed = schema.safeParse(args);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new StructuredOutputError(
      `The model called ${name} with invalid arguments (${issue?.path.join(".") || "arguments"}: ${issue?.message ?? "invalid"}).`,
    );
  });
}
