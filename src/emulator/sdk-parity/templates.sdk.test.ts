import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SINCH_PAYLOADS_DIR } from "../../testdata";
import { useSdkParity, type SdkParity } from "./testing/sdk-harness";

// The official Node SDK against the emulator's template host (its own base URL, conversationTemplatesHostname):
// templates v2, and the deprecated templates v1 the introduction's API still has.
let p: SdkParity;
useSdkParity((started) => (p = started));

const payload = (name: string) => JSON.parse(readFileSync(join(SINCH_PAYLOADS_DIR, `${name}.json`), "utf8"));

describe("templates v2 through the SDK [sdk: N @sinch/sdk-core]", () => {
  it("creates (the SDK fixture), gets, lists, lists translations, updates and deletes", async () => {
    const sdk = p.sdk().templatesV2;
    const { id: _fixtureId, ...body } = payload("template-v2-create-request");
    const created = await sdk.create({ createTemplateRequestBody: body });
    expect(created.id).toBeTruthy();
    expect(created.version).toBe(1);
    expect((await sdk.get({ template_id: created.id! })).default_translation).toBe(body.default_translation);
    expect((await sdk.list({})).templates?.map((t) => t.id)).toContain(created.id);
    const translations = await sdk.listTranslations({ template_id: created.id!, language_code: body.default_translation });
    expect(translations.translations?.map((t) => t.language_code)).toEqual([body.default_translation]);
    const { id: _id, ...current } = await sdk.get({ template_id: created.id! });
    const updated = await sdk.update({ template_id: created.id!, updateTemplateRequestBody: { ...current, description: "changed" } as never });
    expect(updated.description).toBe("changed");
    expect(updated.version).toBe(2);
    expect(await sdk.delete({ template_id: created.id! })).toEqual({});
    await expect(sdk.get({ template_id: created.id! })).rejects.toThrow(/404/);
  });
});

describe("templates v1 (deprecated) through the SDK [sdk: N @sinch/sdk-core]", () => {
  it("creates, gets, lists, updates with update_mask and deletes", async () => {
    const sdk = p.sdk().templatesV1;
    const translation = { language_code: "en-US", version: "1", content: '{"text_message":{"text":"Hi ${name}"}}', variables: [{ key: "name", preview_value: "Ada" }] };
    const created = await sdk.create({ createTemplateRequestBody: { description: "v1 via SDK", default_translation: "en-US", translations: [translation] } });
    expect(created.id).toBeTruthy();
    expect((await sdk.get({ template_id: created.id! })).translations?.[0]?.content).toBe(translation.content);
    expect((await sdk.list({})).templates?.map((t) => t.id)).toContain(created.id);
    const masked = await sdk.update({ template_id: created.id!, updateTemplateRequestBody: { description: "renamed", default_translation: "sv-SE" }, update_mask: ["description"] });
    expect(masked.description).toBe("renamed");
    expect(masked.default_translation).toBe("en-US"); // not in the mask: unchanged
    expect(await sdk.delete({ template_id: created.id! })).toEqual({});
    await expect(sdk.get({ template_id: created.id! })).rejects.toThrow(/404/);
  });
});
