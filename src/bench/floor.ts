import { Agent, request } from "undici";

/** The floor: the same chained create/get requests through a bare undici keep-alive agent. */
export async function runFloor(url: string, token: string, count: number): Promise<number> {
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 1 });
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  let id = "";
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const create = i % 2 === 0;
    const res = await request(create ? `${url}/v1/projects/bench/things` : `${url}/v1/projects/bench/things/${id}`, {
      method: create ? "POST" : "GET",
      headers,
      body: create ? JSON.stringify({ name: `thing ${i}` }) : undefined,
      dispatcher: agent,
    });
    const json = (await res.body.json()) as { id: string };
    if (create) id = json.id;
  }
  const ms = performance.now() - started;
  await agent.close();
  return ms;
}
