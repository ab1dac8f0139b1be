import type OpenAI from "openai";
import type { LlmClient } from "./client";

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/**
 * Streams a chat completion, calling `onToken` for each piece as it arrives, and returns the
 * whole text. A stream cut mid-way throws, so the caller never keeps half a reply; so does an
 * empty reply (or one that only called a tool), which counts as a failure for the breaker.
 */
export async function streamText({
  client,
  messages,
  onToken,
  temperature = 0.4,
}: {
  client: LlmClient;
  messages: Message[];
  onToken?: (token: string) => void;
  temperature?: number;
}): Promise<string> {
  return client.breaker.run(async () => {
    const stream = await client.openai.chat.completions.create({
      model: client.model,
      messages,
      stream: true,
      temperature,
    });
    let text = "";
    let finished = false;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      const token = choice?.delta?.content ?? "";
      if (token) {
        text += token;
        onToken?.(token);
      }
      if (choice?.finish_reason) finished = true;
    }
    if (!finished) throw new Error("the model's stream ended before it finished");
    if (!text.trim()) throw new Error("the model's reply was empty");
    return text;
  });
}
