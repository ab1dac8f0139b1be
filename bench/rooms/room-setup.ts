/**
 * A full study room through the HTTP API, as browsers make one: every person has an identity
 * cookie of their own (from the proxy, on `GET /api/health`); the host opens the room and an
 * invite link, everyone else joins with it. People are spread over the servers alternately.
 */
import type { RoomView, RoundView } from "@/lib/rooms/types";

export interface Person {
  name: string;
  userId: string;
  cookie: string;
  /** The server this person's tab talks to. */
  server: string;
}

export interface Room {
  id: string;
  host: Person;
  /** Everyone else, in the order they joined; the first is the candidate. */
  others: Person[];
}

async function newCookie(server: string): Promise<string> {
  const response = await fetch(`${server}/api/health`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (!cookie) throw new Error(`${server} gave no identity cookie`);
  return cookie;
}

/** A JSON request with `cookie`; anything but `expected` throws with the server's answer. */
export async function callApi<T>(
  server: string,
  cookie: string,
  path: string,
  body: unknown,
  expected = 200,
): Promise<T> {
  const response = await fetch(`${server}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
  if (response.status !== expected) {
    throw new Error(`POST ${path} on ${server} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** A room holding `people` people (the host included), each with their own identity. */
export async function fillRoom(servers: string[], people: number): Promise<Room> {
  const serverOf = (i: number) => servers[i % servers.length] as string;
  const hostServer = serverOf(0);
  const hostCookie = await newCookie(hostServer);
  const created = await callApi<RoomView>(
    hostServer,
    hostCookie,
    "/api/rooms",
    {
      title: "Bench room",
      scenarioId: "video-recommendation",
      level: "senior",
      minutes: 45,
      displayName: "Host",
    },
    201,
  );
  const host: Person = { name: "Host", userId: created.viewerId, cookie: hostCookie, server: hostServer };
  const invite = await callApi<{ token: string }>(
    hostServer,
    hostCookie,
    `/api/rooms/${created.id}/invites`,
    { days: 1 },
    201,
  );
  const others: Person[] = [];
  for (let i = 1; i < people; i++) {
    const server = serverOf(i);
    const cookie = await newCookie(server);
    const name = i === 1 ? "Candidate" : `Observer ${i - 1}`;
    const joined = await callApi<RoomView>(server, cookie, "/api/rooms/join", {
      token: invite.token,
      displayName: name,
    });
    others.push({ name, userId: joined.viewerId, cookie, server });
  }
  return { id: created.id, host, others };
}

/** The host starts a round with the AI interviewing `candidate`. */
export function startAiRound(room: Room, candidate: Person): Promise<RoundView> {
  return callApi<RoundView>(
    room.host.server,
    room.host.cookie,
    `/api/rooms/${room.id}/rounds`,
    { candidateId: candidate.userId, interviewerId: null },
    201,
  );
}

/** The candidate's answer in the round, through `server`; resolves with the round after the reply. */
export function sendAnswer(
  server: string,
  candidate: Person,
  ids: { roomId: string; roundId: string },
  message: { id: string; content: string },
): Promise<RoundView> {
  return callApi<RoundView>(
    server,
    candidate.cookie,
    `/api/rooms/${ids.roomId}/rounds/${ids.roundId}/messages`,
    message,
  );
}
