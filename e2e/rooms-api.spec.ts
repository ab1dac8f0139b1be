import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";

/** Three browsers, each with its own identity cookie (the first request gets one). */
async function person(baseURL: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  expect((await context.get("/api/health")).status()).toBe(200);
  return context;
}

test("a room is created, joined by link, seen only by members; the host removes, hands over and closes", async ({
  baseURL,
}) => {
  if (!baseURL) throw new Error("no baseURL");
  const [host, grace, stranger] = await Promise.all([person(baseURL), person(baseURL), person(baseURL)]);

  const created = await host.post("/api/rooms", {
    data: { title: "Thursday ML design club", scenarioId: "video-recommendation", displayName: "Ada" },
  });
  expect(created.status()).toBe(201);
  const room = await created.json();
  expect(room).toMatchObject({ title: "Thursday ML design club", level: "senior", minutes: 45, status: "open" });

  const invite = await host.post(`/api/rooms/${room.id}/invites`, { data: { days: 1 } });
  expect(invite.status()).toBe(201);
  const { token } = await invite.json();
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const joined = await grace.post("/api/rooms/join", { data: { token, displayName: "Grace" } });
  expect(joined.status()).toBe(200);
  const members = (await joined.json()).members as Array<{ userId: string; displayName: string; isHost: boolean }>;
  expect(members.map((m) => m.displayName)).toEqual(["Ada", "Grace"]);
  const graceId = members.find((m) => m.displayName === "Grace")?.userId ?? "";

  // Only members see the room; a stranger's answer is the same as for a room that does not exist.
  expect((await grace.get(`/api/rooms/${room.id}`)).status()).toBe(200);
  const hidden = await stranger.get(`/api/rooms/${room.id}`);
  expect(hidden.status()).toBe(404);
  expect((await hidden.json()).error.message).toContain("does not exist");
  expect((await stranger.post(`/api/rooms/${room.id}/invites`, { data: {} })).status()).toBe(404);

  // Bad input is a 400 with a sentence; a non-host gets 403.
  const bad = await host.post("/api/rooms", { data: { title: "x\u0000y", displayName: "Ada" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain("NUL character");
  expect((await host.post(`/api/rooms/${room.id}/invites`, { data: { days: 30 } })).status()).toBe(400);
  expect((await grace.post(`/api/rooms/${room.id}/close`)).status()).toBe(403);

  // The host hands the room over, and the new host removes the old one: their access ends at once.
  const handed = await host.put(`/api/rooms/${room.id}/host`, { data: { userId: graceId } });
  expect(handed.status()).toBe(200);
  expect((await handed.json()).members.find((m: { isHost: boolean }) => m.isHost).displayName).toBe("Grace");
  const hostId = members.find((m) => m.displayName === "Ada")?.userId ?? "";
  expect((await grace.delete(`/api/rooms/${room.id}/members/${hostId}`)).status()).toBe(204);
  expect((await host.get(`/api/rooms/${room.id}`)).status()).toBe(404);
  expect((await host.post("/api/rooms/join", { data: { token, displayName: "Ada" } })).status()).toBe(404);

  // Revoked links stop working; a closed room takes nobody.
  const second = await (await grace.post(`/api/rooms/${room.id}/invites`, { data: {} })).json();
  expect((await grace.delete(`/api/rooms/${room.id}/invites/${second.token}`)).status()).toBe(204);
  expect((await stranger.post("/api/rooms/join", { data: { token: second.token, displayName: "Eve" } })).status()).toBe(
    404,
  );
  const third = await (await grace.post(`/api/rooms/${room.id}/invites`, { data: {} })).json();
  expect((await grace.post(`/api/rooms/${room.id}/close`)).status()).toBe(200);
  const late = await stranger.post("/api/rooms/join", { data: { token: third.token, displayName: "Eve" } });
  expect(late.status()).toBe(409);
  expect((await late.json()).error.message).toContain("closed");

  await Promise.all([host.dispose(), grace.dispose(), stranger.dispose()]);
});
