import { roomIdParam, roundIdParam } from "../../schemas";

export type RoundContext = { params: Promise<{ id: string; roundId: string }> };

/** The room and round ids of a round route, validated (a bad id is a 400 with a sentence). */
export async function roundParams(context: RoundContext): Promise<{ roomId: string; roundId: string }> {
  const params = await context.params;
  return { roomId: roomIdParam.parse(params.id), roundId: roundIdParam.parse(params.roundId) };
}
