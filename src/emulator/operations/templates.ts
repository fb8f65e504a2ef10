import { ApiError, badField, notFound } from "../errors";
import { newId, nowIso } from "../ids";
import { one } from "../query";
import type { HandlerMap, OperationContext } from "./handler";
import type { Json, Template } from "../store/types";
import { copy } from "./common";
import { emptyReply } from "./empty";


function translations(body: Json, now: string, previous: Json[] = []): Json[] {
  const list = (body.translations as Json[] | undefined) ?? [];
  return list.map((t) => {
    const before = previous.find((p) => p.language_code === t.language_code && p.version === t.version);
    return { ...copy(t), version: String(t.version ?? "1"), create_time: before?.create_time ?? now, update_time: now };
  });
}

function create(ctx: OperationContext): Json {
  const now = nowIso();
  const id = typeof ctx.body.id === "string" && ctx.body.id ? ctx.body.id : newId();
  if (ctx.store.templates.has(id)) throw new ApiError(409, `Template ${id} already exists`);
  const t: Template = {
    ...copy(ctx.body), id, description: String(ctx.body.description ?? ""), version: 1,
    default_translation: String(ctx.body.default_translation ?? ""), translations: translations(ctx.body, now),
    create_time: now, update_time: now,
  };
  ctx.store.templates.set(id, t);
  return copy(t);
}

function requireTemplate(ctx: OperationContext): Template {
  const t = ctx.store.templates.get(ctx.params.template_id as string);
  if (!t) throw notFound("Template", ctx.params.template_id as string);
  return t;
}

function replace(ctx: OperationContext): Json {
  const t = requireTemplate(ctx);
  const given = ctx.body.version;
  // the API asks for the current version on update (optimistic locking)
  if (given !== undefined && Number(given) !== t.version) {
    throw badField("version", `version must be the current version ${t.version}`);
  }
  const now = nowIso();
  const next: Template = {
    ...copy(ctx.body), id: t.id, description: String(ctx.body.description ?? ""), version: t.version + 1,
    default_translation: String(ctx.body.default_translation ?? t.default_translation ?? ""),
    translations: translations(ctx.body, now, t.translations), create_time: t.create_time, update_time: now,
  };
  ctx.store.templates.set(t.id, next);
  return copy(next);
}

function listTranslations(ctx: OperationContext): Json {
  const t = requireTemplate(ctx);
  const lang = one(ctx.query, "language_code");
  const version = one(ctx.query, "translation_version");
  const list = t.translations.filter(
    (tr) => (lang === undefined || tr.language_code === lang) && (version === undefined || version === "latest" || tr.version === version),
  );
  return { translations: copy(list) };
}

/** Templates v2 on the template host. */
export const templateOperations: HandlerMap = {
  "Templates v2/List templates": (ctx) => ({ templates: [...ctx.store.templates.values()] }),
  "Templates v2/Create template": create,
  "Templates v2/Get template": requireTemplate,
  "Templates v2/Update template": replace,
  "Templates v2/Delete template": (ctx) => {
    ctx.store.templates.delete(requireTemplate(ctx).id);
    return emptyReply();
  },
  "Templates v2/List template translations": listTranslations,
};
