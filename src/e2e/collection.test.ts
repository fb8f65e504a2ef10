import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import {
  collectionRequests,
  loadCollection,
  loadEnvironments,
  variablesIn,
  type PostmanCollection,
  type PostmanEnvironment,
} from "./collection-files";
import { POSTMAN_COLLECTION_SCHEMA_DIR as REFERENCE } from "../testdata";

const DYNAMIC = new Set(["$guid", "$randomUUID", "$timestamp", "$isoTimestamp", "$randomInt"]);
/** Set at run time by scripts or the runner, never stored. */
const RUNTIME = new Set(["ACCESS_TOKEN"]);

/** Reads one schema file; the upstream sources carry `// TODO` comment lines, which JSON does not allow. */
function readSchemaFile(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, "utf8").split("\n").filter((line) => !line.trim().startsWith("//")).join("\n");
  return JSON.parse(text) as Record<string, unknown>;
}

/** The v2.1 schema is split into files that refer to each other as #/definitions/<file>: put them back together. */
function postmanValidator(): (data: unknown) => string[] {
  const root = readSchemaFile(path.join(REFERENCE, "collection.json"));
  const definitions: Record<string, unknown> = {};
  const dir = path.join(REFERENCE, "collection");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const part = readSchemaFile(path.join(dir, file));
    delete part.$id;
    delete part.$schema;
    definitions[file.replace(/\.json$/, "")] = part;
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile({ ...root, definitions });
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`));
}

const ENVIRONMENT_SCHEMA = {
  type: "object",
  required: ["id", "name", "values", "_postman_variable_scope"],
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    _postman_variable_scope: { const: "environment" },
    values: {
      type: "array",
      items: {
        type: "object",
        required: ["key", "value", "type", "enabled"],
        additionalProperties: false,
        properties: {
          key: { type: "string", minLength: 1 },
          value: { type: "string" },
          type: { enum: ["default", "secret"] },
          enabled: { type: "boolean" },
        },
      },
    },
  },
};

/** Variables a request's URL (or body) uses that nothing defines. */
function unknownVariables(collection: PostmanCollection, envs: Record<string, PostmanEnvironment>): string[] {
  const known = new Set([...collection.variable.map((v) => v.key), ...RUNTIME, ...DYNAMIC]);
  for (const env of Object.values(envs)) env.values.forEach((v) => known.add(v.key));
  const problems: string[] = [];
  for (const { id, item } of collectionRequests(collection)) {
    const texts = [item.request.url.raw, ...item.request.url.host, ...item.request.url.path, item.request.body?.raw ?? ""];
    for (const name of texts.flatMap(variablesIn)) {
      if (!known.has(name)) problems.push(`${id}: {{${name}}}`);
    }
  }
  return problems;
}

describe("the Postman collection", () => {
  const validate = postmanValidator();
  const collection = loadCollection();
  const envs = loadEnvironments();

  it("validates against the Postman Collection v2.1 schema", () => {
    expect(validate(collection)).toEqual([]);
  });

  it("the validator rejects a broken collection", () => {
    const broken = JSON.parse(JSON.stringify(collection)) as { item: unknown; info: unknown };
    broken.item = "not a list";
    expect(validate(broken).length).toBeGreaterThan(0);
  });

  it("has one folder per resource group and 59 requests (58 endpoints + the token)", () => {
    expect(collection.item.map((f) => f.name)).toEqual([
      "OAuth2", "Apps", "Contacts", "Conversations", "Messages", "Events", "Webhooks", "Capability",
      "Opt-in and opt-out", "Consents", "Project settings", "Transcoding", "Templates v1", "Templates v2",
    ]);
    const ids = collectionRequests(collection).map((r) => r.id);
    expect(ids).toHaveLength(59);
    expect(new Set(ids).size).toBe(ids.length);
    expect(collection.info.description).toMatch(/Templates v1[^\n]*deprecated/);
    expect(collection.item.find((f) => f.name === "Templates v1")?.description).toMatch(/\*\*Deprecated\*\*/);
  });

  it("uses only known variables in URLs and bodies", () => {
    expect(unknownVariables(collection, envs)).toEqual([]);
  });

  it("reports an unknown variable", () => {
    const broken = JSON.parse(JSON.stringify(collection)) as PostmanCollection;
    const first = broken.item[1]?.item[0];
    if (!first) throw new Error("collection has no Apps request");
    first.request.url.raw += "/{{NOT_DEFINED}}";
    expect(unknownVariables(broken, envs)).toEqual(["Apps/Create app: {{NOT_DEFINED}}"]);
  });

  it("sends a bearer token by default and Basic auth on the token request only", () => {
    expect(collection.auth).toEqual({ type: "bearer", bearer: [{ key: "token", value: "{{ACCESS_TOKEN}}", type: "string" }] });
    const withOwnAuth = collectionRequests(collection).filter((r) => r.item.request.auth);
    expect(withOwnAuth.map((r) => `${r.id}:${r.item.request.auth?.type}`)).toEqual(["OAuth2/Get token:basic"]);
    const url = (id: string) => collectionRequests(collection).find((r) => r.id === id)?.item.request.url.raw;
    expect(url("OAuth2/Get token")).toBe("{{AUTH_URL}}/oauth2/token");
    expect(url("Templates v2/Get template")).toBe("{{TEMPLATE_BASE_URL}}/v2/projects/{{PROJECT}}/templates/{{TEMPLATE}}");
    expect(url("Contacts/Get contact")).toBe("{{BASE_URL}}/{{API_VERSION}}/projects/{{PROJECT}}/contacts/{{CONTACT}}");
    // the path version of every Conversation API URL, a collection variable so Postman and newman work as they are
    expect(collection.variable.find((v) => v.key === "API_VERSION")).toMatchObject({ value: "v1" });
    const conversationUrls = collectionRequests(collection).map((r) => r.item.request.url.raw).filter((u) => u.startsWith("{{BASE_URL}}"));
    expect(conversationUrls.filter((u) => !u.startsWith("{{BASE_URL}}/{{API_VERSION}}/"))).toEqual([]);
  });

  it("stores the token and every created id", () => {
    const scripts = (id: string) =>
      collectionRequests(collection)
        .find((r) => r.id === id)
        ?.item.event?.map((e) => e.script.exec.join("\n"))
        .join("\n") ?? "";
    expect(scripts("OAuth2/Get token")).toContain('pm.collectionVariables.set("ACCESS_TOKEN"');
    const creates: Record<string, string> = {
      "Apps/Create app": "APP", "Contacts/Create contact": "CONTACT", "Conversations/Create conversation": "CONVERSATION",
      "Messages/Send message": "MESSAGE", "Events/Send event": "EVENT", "Webhooks/Create webhook": "WEBHOOK_ID",
      "Templates v1/Create template": "TEMPLATE_V1", "Templates v2/Create template": "TEMPLATE",
    };
    for (const [id, variable] of Object.entries(creates)) expect(scripts(id)).toContain(`pm.collectionVariables.set("${variable}"`);
  });
});

describe("the Postman environments", () => {
  const envs = loadEnvironments();
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(ENVIRONMENT_SCHEMA);
  const value = (env: string, key: string) => envs[env]?.values.find((v) => v.key === key);

  it("exist for us, eu, br and the emulator (one per region) and are well formed", () => {
    expect(Object.keys(envs).sort()).toEqual(["br", "emulator", "emulator-br", "emulator-eu", "eu", "us"]);
    for (const env of Object.values(envs)) expect(validate(env) ? [] : validate.errors).toEqual([]);
    expect(validate({ name: "x", values: [{ key: "A" }] })).toBe(false);
  });

  it("point at the real regional hosts and hold no credentials", () => {
    for (const r of ["us", "eu", "br"]) {
      expect(value(r, "BASE_URL")?.value).toBe(`https://${r}.conversation.api.sinch.com`);
      expect(value(r, "AUTH_URL")?.value).toBe(`https://${r}.auth.sinch.com`);
      expect(value(r, "TEMPLATE_BASE_URL")?.value).toBe(`https://${r}.template.api.sinch.com`);
      expect(value(r, "REGION")?.value).toBe(r);
      for (const key of ["PROJECT", "CLIENT_ID", "CLIENT_SECRET"]) expect(value(r, key)).toMatchObject({ value: "", type: "secret" });
    }
  });

  it("the emulator environment targets a standalone emulator on port 8787 with its default credentials", () => {
    expect(value("emulator", "BASE_URL")?.value).toBe("http://127.0.0.1:8787/us");
    expect(value("emulator", "AUTH_URL")?.value).toBe("http://127.0.0.1:8787/us/auth");
    expect(value("emulator", "TEMPLATE_BASE_URL")?.value).toBe("http://127.0.0.1:8787/us/template");
    expect(value("emulator", "CLIENT_ID")?.value).toBe("emulator-client");
    for (const r of ["eu", "br"]) {
      expect(value(`emulator-${r}`, "REGION")?.value).toBe(r);
      expect(value(`emulator-${r}`, "BASE_URL")?.value).toBe(`http://127.0.0.1:8787/${r}`);
      expect(value(`emulator-${r}`, "AUTH_URL")?.value).toBe(`http://127.0.0.1:8787/${r}/auth`);
      expect(value(`emulator-${r}`, "TEMPLATE_BASE_URL")?.value).toBe(`http://127.0.0.1:8787/${r}/template`);
    }
  });
});
