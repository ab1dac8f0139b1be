import type OpenAI from "openai";
import { z } from "zod";
import type { LlmClient } from "./client";
import { StructuredOutputError } from "./complete-json";

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/**
 * Offers the model one function tool and returns its validated arguments when it calls it, or
 * null when it answers without calling it. Arguments that fail the schema throw
 * StructuredOutputError, so the caller falls back to its offline policy.
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
  const response = await client.breaker.run(() =>
    client.openai.chat.completions.create({
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
    }),
  );
  const call = response.choices[0]?.message.tool_calls?.find((c) => c.type === "function" && c.function.name === name);
  if (call?.type !== "function") return null;
  let args: unknown;
  try {
    args = JSON.parse(call.function.arguments);
  } catch {
    throw new StructuredOutputError(`The model called ${name} with arguments that are not JSON.`);
  }
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new StructuredOutputError(`The model called ${name} with invalid arguments.`);
  return parsed.data;
}
