import { DEFAULTS, resolveOptions } from "./options";

describe("resolveOptions [emulator-only]", () => {
  it("fills every default when nothing is given", () => {
    expect(resolveOptions()).toEqual({ ...DEFAULTS, port: 0, validateRequests: true });
  });

  it("keeps what is given, and treats an option given as undefined as not given", () => {
    const o = resolveOptions({ port: 8080, host: undefined, clientId: "mine", validateRequests: false, callbackRetry: { attempts: 1, baseDelayMs: undefined } });
    expect(o).toMatchObject({ port: 8080, host: DEFAULTS.host, clientId: "mine", clientSecret: DEFAULTS.clientSecret, validateRequests: false });
    expect(o.callbackRetry).toEqual({ attempts: 1, baseDelayMs: DEFAULTS.callbackRetry.baseDelayMs });
  });
});
