/**
 * Where an emulator test's expected behaviour comes from: the mark every test under src/emulator/ carries
 * (src/emulator/parity/README.md). Written in a test or describe title as `[kind: reference]`, or `[emulator-only]`.
 */
export const PARITY_SOURCES = {
  fixture: { reference: true, means: "a real payload: a file of src/testdata/sinch/ (payloads/ or signature-vectors/)" },
  sdk: { reference: true, means: "an official SDK's test or model, as API.md cites it: the SDK's tag and the file (`N tests/rest/v1/contact/contacts.steps.ts`)" },
  docs: { reference: true, means: "the API docs as API.md collects them: its section (`§7`)" },
  "emulator-only": { reference: false, means: "the emulator's own behaviour (admin API, faults, robustness), nothing real to compare with" },
} as const;

/** One kind of source. */
export type ParitySource = keyof typeof PARITY_SOURCES;

/** The SDK tags API.md uses for Sinch's official SDKs: Java, Node, Python, .NET. */
export const SDK_TAGS = ["J", "N", "P", "D"] as const;
