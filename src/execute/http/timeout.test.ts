import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import type { RegionTarget } from "../../model";
import { buildPlan } from "../../plan";
import { runPlan } from "../run-plan";
import { reqStep, suite, testOptions } from "../testing/builders";
import { fakeContract, fakeRequests } from "../testing/fake-contract";
import { createDispatcher, createSend } from "./dispatcher";
import { HttpError } from "./http-error";

/** A TCP server that accepts every connection, reads the request and never answers. */
let silent: Server;
const sockets = new Set<Socket>();
let silentUrl: string;
/** An HTTP server that answers at once, to show the same path passes when the target answers. */
let answering: HttpServer;
let answeringUrl: string;

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on("data", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  answering = createHttpServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "C1", display_name: "x" })));
  });
  await new Promise<void>((r) => answering.listen(0, "127.0.0.1", r));
  answeringUrl = `http://127.0.0.1:${(answering.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
  answering.closeAllConnections();
  await new Promise<void>((r) => answering.close(() => r()));
});

describe("a target that accepts the connection and never answers", () => {
  it("fails the attempt with HttpError CC_TIMEOUT (kind timeout) after the request timeout", async () => {
    const agent = createDispatcher({ connectTimeoutMs: 2000, requestTimeoutMs: 200 });
    try {
      const send = createSend(agent);
      const error = await send({ method: "GET", url: `${silentUrl}/v1/x`, headers: {}, idempotent: true }, { attempts: [] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ code: "CC_TIMEOUT", kind: "timeout" });
    } finally {
      await agent.close();
    }
  });

  const target = (url: string): RegionTarget => ({ region: "us", baseUrl: url, authUrl: `${url}/auth`, templateBaseUrl: url, projectId: "p", clientId: "c", clientSecret: "secret-1" });
  const step = () => reqStep("get contact", {
    method: "GET", url: "{{BASE_URL}}/v1/projects/{{PROJECT}}/contacts/C1", auth: "none",
    expect: { status: 200, headers: {}, body: {} },
  });
  const run = (url: string) => runPlan({
    plan: buildPlan([suite("t", { steps: [step()] })], { regions: ["us"] }), requests: fakeRequests(), contract: fakeContract(),
    targets: { us: target(url) }, options: testOptions({ requestTimeoutMs: 300, backoff: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 5000 } }),
    listeners: [], target: url, toolVersion: "0.0.0-test",
  });

  it("makes the step an error with CC_TIMEOUT", async () => {
    const result = await run(silentUrl);
    const s = result.suites[0]!.steps[0]!;
    expect(s.outcome).toBe("error");
    expect(s.error?.code).toBe("CC_TIMEOUT");
    expect(result.totals.errors).toBe(1);
  });

  it("passes the same step when the target answers", async () => {
    const result = await run(answeringUrl);
    const s = result.suites[0]!.steps[0]!;
    expect(s.error).toBeUndefined();
    expect(s.outcome).toBe("passed");
  });
});
