import { badField, notFound } from "../errors";
import { paginate } from "../paging";
import { one, pageSize } from "../query";
import type { RouteContext, RouteDef } from "../router";
import type { Json } from "../store/types";
import { copy, requireApp } from "./common";
import { emptyReply } from "./empty";

const P = "/v1/projects/{project_id}";
const LIST_TYPES = ["OPT_OUT_ALL", "OPT_OUT_MARKETING", "OPT_OUT_NOTIFICATION"];

function consentList(ctx: RouteContext): Json {
  const app = requireApp(ctx, ctx.params.app_id);
  const listType = ctx.params.list_type as string;
  if (!LIST_TYPES.includes(listType)) throw badField("list_type", `must be one of ${LIST_TYPES.join(", ")}`);
  const size = pageSize(ctx.query, 10, 50);
  const identities = [...(ctx.store.consents.get(app.id)?.get(listType) ?? [])].map((identity) => ({ identity }));
  const page = paginate(identities, size, one(ctx.query, "page_token"));
  return { identities: page.items, next_page_token: page.nextPageToken };
}

function auditRecords(ctx: RouteContext): Json {
  const app = requireApp(ctx, ctx.params.app_id);
  const identity = ctx.params.identity as string;
  const records = ctx.store.audit.get(app.id)?.get(identity);
  if (!records) throw notFound("Consent identity", identity);
  return { identity: { identity }, audit_records: copy(records) };
}

function defaultSettings(): Json {
  return { contact_settings: { unified_contact_id_enabled: false } };
}

function settingsReply(ctx: RouteContext): Json {
  return { project_id: ctx.projectId, settings: copy(ctx.store.settings ?? defaultSettings()) };
}

function writeSettings(merge: boolean) {
  return (ctx: RouteContext): Json => {
    const base = merge ? (ctx.store.settings ?? defaultSettings()) : defaultSettings();
    const next: Json = copy(base);
    for (const [k, v] of Object.entries(ctx.body)) {
      const cur = next[k];
      next[k] = cur && typeof cur === "object" && v && typeof v === "object" ? { ...(cur as Json), ...(v as Json) } : copy(v);
    }
    ctx.store.settings = next;
    return settingsReply(ctx);
  };
}

/** Consents (two GETs) and project settings (GET/POST/PATCH/DELETE). */
export const consentSettingsRoutes: RouteDef[] = [
  { method: "GET", path: `${P}/apps/{app_id}/consents/identities/{identity}`, response: "consents-audit-records", handler: auditRecords },
  { method: "GET", path: `${P}/apps/{app_id}/consents/{list_type}`, response: "consents-identities-list", handler: consentList },
  { method: "GET", path: `${P}/settings`, response: "project-settings", handler: settingsReply },
  { method: "POST", path: `${P}/settings`, request: "project-settings-request", response: "project-settings", handler: writeSettings(false) },
  { method: "PATCH", path: `${P}/settings`, request: "project-settings-request", response: "project-settings", handler: writeSettings(true) },
  {
    method: "DELETE", path: `${P}/settings`, response: "empty",
    handler: (ctx) => {
      ctx.store.settings = undefined;
      return emptyReply();
    },
  },
];
