import { ApiError, badField, notFound } from "../errors";
import { newId, nowIso } from "../ids";
import { applyMask, updateMask } from "../query";
import type { Json, TemplateV1 } from "../store/types";
import { copy } from "./common";
import { emptyReply } from "./empty";
import type { HandlerMap, OperationContext } from "./handler";

const UPDATABLE = ["description", "channel", "default_translation", "translations"] as const;
/** what a field the mask names but the body leaves out becomes (the API sends defaults: [N] SDK examples) */
const DEFAULTS = { description: "", channel: "UNSPECIFIED", default_translation: "", translations: [] };

/**
 * Translations as the API returns them: a given list replaces the stored one whole, every entry stamped now and a
 * missing version sent as "" (the Node SDK's update example: "the translation array is entirely replaced").
 */
function stampTranslations(list: unknown, now: string): Json[] {
  return ((list as Json[] | undefined) ?? []).map((t) => ({
    language_code: t.language_code, content: t.content, version: String(t.version ?? ""),
    variables: copy(t.variables ?? []), create_time: now, update_time: now,
  }));
}

/** The default translation must name one of the translations ([N] V1Template.default_translation). */
function checkDefaultTranslation(t: TemplateV1): void {
  if (t.default_translation === "") return;
  if (!t.translations.some((tr) => tr.language_code === t.default_translation)) {
    throw badField("default_translation", `'${t.default_translation}' is not the language_code of a translation`);
  }
}

function create(ctx: OperationContext): Json {
  const now = nowIso();
  const id = typeof ctx.body.id === "string" && ctx.body.id ? ctx.body.id : newId();
  if (ctx.store.templatesV1.has(id)) throw new ApiError(409, `Template ${id} already exists`);
  const template: TemplateV1 = {
    id, description: String(ctx.body.description ?? ""), channel: String(ctx.body.channel ?? "UNSPECIFIED"),
    default_translation: String(ctx.body.default_translation ?? ""), translations: stampTranslations(ctx.body.translations, now),
    create_time: now, update_time: now,
  };
  checkDefaultTranslation(template);
  ctx.store.templatesV1.set(id, template);
  return copy(template);
}

function requireTemplate(ctx: OperationContext): TemplateV1 {
  const t = ctx.store.templatesV1.get(ctx.params.template_id as string);
  if (!t) throw notFound("Template", ctx.params.template_id as string);
  return t;
}

/** PATCH with `update_mask`: the masked fields (or, without a mask, the fields sent); the stored template changes only when the result is valid. */
function update(ctx: OperationContext): Json {
  const next = copy(requireTemplate(ctx));
  const now = nowIso();
  const patch = copy(ctx.body);
  if (patch.translations !== undefined) patch.translations = stampTranslations(patch.translations, now);
  applyMask({ target: next, patch, mask: updateMask(ctx.query), allowed: UPDATABLE, defaults: DEFAULTS });
  next.update_time = now;
  checkDefaultTranslation(next);
  ctx.store.templatesV1.set(next.id, next);
  return copy(next);
}

/** Templates v1 on the template host (deprecated by Sinch, still part of the API the introduction describes). */
export const templateV1Operations: HandlerMap = {
  "Templates v1/List templates": (ctx) => ({ templates: [...ctx.store.templatesV1.values()] }),
  "Templates v1/Create template": create,
  "Templates v1/Get template": requireTemplate,
  "Templates v1/Update template": update,
  "Templates v1/Delete template": (ctx) => {
    ctx.store.templatesV1.delete(requireTemplate(ctx).id);
    return emptyReply();
  },
};
