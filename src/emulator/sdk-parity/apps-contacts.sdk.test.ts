import { smsApp, waitFor } from "../testing/harness";
import { useSdkParity, WEBHOOK_SECRET, type SdkParity } from "./testing/sdk-harness";

// The official Node SDK (@sinch/sdk-core 1.4.0) against the emulator: apps, contacts, project settings, consents and
// capability. Each call goes through the SDK's own URL building, OAuth2 token fetch and response handling.
let p: SdkParity;
useSdkParity((started) => (p = started));

describe("apps through the SDK", () => {
  it("creates, gets, lists, updates with update_mask and deletes an app", async () => {
    const app = await p.sdk().app.create({ appCreateRequestBody: smsApp({ display_name: "SDK app" }) as never });
    expect(app.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(app.channel_credentials?.[0]?.state?.status).toBe("PENDING");
    expect((await p.sdk().app.get({ app_id: app.id! })).channel_credentials?.[0]?.state?.status).toBe("ACTIVE");
    expect((await p.sdk().app.list({})).apps?.map((a) => a.id)).toContain(app.id);
    const updated = await p.sdk().app.update({ app_id: app.id!, appUpdateRequestBody: { display_name: "Renamed" }, update_mask: ["display_name"] });
    expect(updated.display_name).toBe("Renamed");
    expect(await p.sdk().app.delete({ app_id: app.id! })).toEqual({});
    await expect(p.sdk().app.get({ app_id: app.id! })).rejects.toThrow(/404/);
  });

  it("keeps regions apart: an app of eu is not found through the SDK configured for us", async () => {
    const app = await p.sdk("eu").app.create({ appCreateRequestBody: smsApp() as never });
    await expect(p.sdk("us").app.get({ app_id: app.id! })).rejects.toThrow(/404/);
    await p.sdk("eu").app.delete({ app_id: app.id! });
  });
});

describe("contacts through the SDK", () => {
  it("creates, gets, lists (paged, by identity), updates, merges and deletes", async () => {
    const sdk = p.sdk().contact;
    const a = await sdk.create({ contactCreateRequestBody: { channel_identities: [{ channel: "SMS", identity: "+12015555555" }], language: "EN_US", display_name: "A" } });
    expect(a.channel_identities?.[0]?.identity).toBe("12015555555"); // as the SDK's own e2e test expects
    const b = await sdk.create({ contactCreateRequestBody: { channel_identities: [{ channel: "WHATSAPP", identity: "+12015555556" }], language: "EN_US" } });
    expect((await sdk.get({ contact_id: a.id! })).display_name).toBe("A");
    expect((await sdk.list({ channel: "SMS", identity: "12015555555" })).data.map((c) => c.id)).toEqual([a.id]);
    // Known gap (SCOPE-NOTES): the SDK puts query values in the URL unencoded, so "+1201..." arrives as " 1201..."
    // (a "+" in a query is a space to any server) and finds nothing; encoded, the "+" form finds the contact.
    expect((await sdk.list({ channel: "SMS", identity: "+12015555555" })).data).toEqual([]);
    const encoded = await p.h.api("GET", "/contacts", { query: { channel: "SMS", identity: "+12015555555" } });
    expect(encoded.body.contacts.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const ids: string[] = [];
    for await (const c of sdk.list({ page_size: 1 })) ids.push(c.id!);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    const renamed = await sdk.update({ contact_id: a.id!, updateContactRequestBody: { display_name: "A2" }, update_mask: ["display_name"] });
    expect(renamed.display_name).toBe("A2");
    const merged = await sdk.mergeContact({ destination_id: a.id!, mergeContactRequestBody: { source_id: b.id!, strategy: "MERGE" } });
    expect(merged.channel_identities?.map((ci) => ci.channel).sort()).toEqual(["SMS", "WHATSAPP"]);
    await expect(sdk.get({ contact_id: b.id! })).rejects.toThrow(/404/);
    expect(await sdk.delete({ contact_id: a.id! })).toEqual({});
  });

  it("gets a channel profile and lists identity conflicts", async () => {
    const app = await p.sdk().app.create({ appCreateRequestBody: smsApp() as never });
    const sdk = p.sdk().contact;
    const body = { channel_identities: [{ channel: "MESSENGER" as const, identity: "psid-sdk-1" }], language: "EN_US" as const };
    const [c1, c2] = [await sdk.create({ contactCreateRequestBody: body }), await sdk.create({ contactCreateRequestBody: body })];
    const profile = await sdk.getChannelProfile({ getChannelProfileRequestBody: { app_id: app.id!, channel: "MESSENGER", recipient: { contact_id: c1.id! } } });
    expect(typeof profile.profile_name).toBe("string");
    const conflicts = [];
    for await (const c of sdk.listIdentityConflicts({ page_size: 1 })) conflicts.push(c);
    expect(conflicts.find((c) => c.identity === "psid-sdk-1")?.contact_ids?.sort()).toEqual([c1.id, c2.id].sort());
    await sdk.delete({ contact_id: c1.id! });
    await sdk.delete({ contact_id: c2.id! });
    await p.sdk().app.delete({ app_id: app.id! });
  });
});

describe("project settings, consents and capability through the SDK", () => {
  it("creates, gets, updates and deletes project settings", async () => {
    const sdk = p.sdk().projectSettings;
    const created = await sdk.create({ createProjectSettingsRequestBody: { contact_settings: { unified_contact_id_enabled: true } } });
    expect(created.settings?.contact_settings?.unified_contact_id_enabled).toBe(true);
    expect((await sdk.get({})).project_id).toBe(p.h.project);
    const updated = await sdk.update({ updateProjectSettingsRequestBody: { contact_settings: { unified_contact_id_enabled: false } } });
    expect(updated.settings?.contact_settings?.unified_contact_id_enabled).toBe(false);
    await sdk.delete({});
  });

  it("looks up a capability, receives CAPABILITY checked by the SDK, and reads the consent lists", async () => {
    const app = await p.sdk().app.create({ appCreateRequestBody: smsApp() as never });
    await p.sdk().webhooks.create({ webhookCreateRequestBody: { app_id: app.id!, target: `${p.rx.url}/sdk-cap`, triggers: ["CAPABILITY"], secret: WEBHOOK_SECRET } });
    const lookup = await p.sdk().capability.lookup({ lookupCapabilityRequestBody: { app_id: app.id!, recipient: { identified_by: { channel_identities: [{ channel: "SMS", identity: "+12015550101" }] } } } });
    expect(lookup.request_id).toBeTruthy();
    const cb = await waitFor(() => p.callbacks().find((c) => c.received.path === "/sdk-cap"));
    expect(cb.signatureValid).toBe(true);
    expect(cb.event?.trigger).toBe("CAPABILITY");
    expect(cb.event).toMatchObject({ capability_notification: { request_id: lookup.request_id, identity: "12015550101", capability_status: "CAPABILITY_FULL" } });
    const identities = await p.sdk().consents.listIdentities({ app_id: app.id!, list_type: "OPT_OUT_ALL" });
    expect(identities.data).toEqual([]);
    await expect(p.sdk().consents.listAuditRecords({ app_id: app.id!, identity: "12015550101" })).rejects.toThrow(/404/);
    await p.sdk().app.delete({ app_id: app.id! });
  });
});
