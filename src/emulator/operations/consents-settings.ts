import { badField, notFound } from "../errors";
import { paginate } from "../paging";
import { one, pageSize } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import type { Json } from "../store/types";
import { copy, requireApp } from "./common";
import { emptyReply } from "./empty";

const LIST_TYPES = ["OPT_OUT_ALL", "OPT_OUT_MARKETING", "OPT_OUT_NOTIFICATION"];

function consentList(ctx: OperationContext): Json {
  const app = requireApp(ctx, ctx.params.app_id);
  const listType = ctx.params.list_type as string;
  if (!LIST_TYPES.includes(listType)) throw badField("list_type", `must be one of ${LIST_TYPES.join(", ")}`);
  const size = pageSize(ctx.query, 10, 50);
  const identities = [...(ctx.store.consents.get(app.id)?.get(listType) ?? [])].map((identity) => ({ identity }));
  const page = paginate(identities, size, one(ctx.query, "page_token"));
  return { identities: page.items, next_page_token: page.nextPageToken };
}

function auditRecords(ctx: OperationContext): Json {
  const app = requireApp(ctx, ctx.params.app_id);
  const given = ctx.params.identity as string;
  const trail = ctx.store.audit.get(app.id);
  // identities are stored as the API returns them (phone numbers without "+"); a lookup may use either form
  const identity = trail?.has(given) ? given : given.replace(/^\+/, "");
  const records = trail?.get(identity);
  if (!records) throw notFound("Consent identity", given);
  return { identity: { identity }, audit_records: copy(records) };
}

function defaultSettings(): Json {
  return { contact_settings: { unified_contact_id_enabled: false } };
}

function settingsReply(ctx: OperationContext): Json {
  return { project_id: ctx.projectId, settings: copy(ctx.store.settings ?? defaultSettings()) };
}

function writeSettings(merge: boolean) {
  return (ctx: OperationContext): Json => {
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

/** Consents (two reads) and project settings (create, get, update, delete). */
export const consentSettingsOperations: HandlerMap = {
  "Consents/Get consent audit records": auditRecords,
  "Consents/List consent identities": consentList,
  "Project settings/Get project settings": settingsReply,
  "Project settings/Create project settings": writeSettings(false),
  "Project settings/Update project settings": writeSettings(true),
  "Project settings/Delete project settings": (ctx) => {
    ctx.store.settings = undefined;
    return emptyReply();
  },
};
