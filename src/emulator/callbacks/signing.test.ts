import { loadSignatureVectors } from "../../testdata";
import { computeSignature, signatureHeaders } from "./signing";

const vectors = loadSignatureVectors();

describe("callback signature [docs: §7] [fixture: callback-signature-vector-contact-create.json] [fixture: callback-signature-vector-message-delivery.json] [fixture: callback-signature-vector-multiline-event-inbound.json]", () => {
  it("has the three Sinch SDK test vectors", () => {
    expect(vectors.map((v) => v.file)).toEqual([
      "callback-signature-vector-contact-create.json",
      "callback-signature-vector-message-delivery.json",
      "callback-signature-vector-multiline-event-inbound.json",
    ]);
  });

  it.each(vectors.map((v) => [v.file, v] as const))("reproduces %s", (_file, v) => {
    const sig = computeSignature(v.secret, v.raw_body, v.headers["x-sinch-webhook-signature-nonce"] as string, v.headers["x-sinch-webhook-signature-timestamp"] as string);
    expect(sig).toBe(v.expected_signature);
  });

  it("fails for a changed byte, secret or timestamp", () => {
    const v = vectors.find((x) => x.file === "callback-signature-vector-contact-create.json")!;
    const nonce = v.headers["x-sinch-webhook-signature-nonce"] as string;
    const ts = v.headers["x-sinch-webhook-signature-timestamp"] as string;
    expect(computeSignature(v.secret, `${v.raw_body} `, nonce, ts)).not.toBe(v.expected_signature);
    expect(computeSignature("other", v.raw_body, nonce, ts)).not.toBe(v.expected_signature);
    expect(computeSignature(v.secret, v.raw_body, nonce, "1634579354")).not.toBe(v.expected_signature);
  });

  it("builds all four headers with HmacSHA256", () => {
    const h = signatureHeaders("k", "{}", "01FJA8B4A7BM43YGWSG9GBV067", 1634579353);
    expect(h).toEqual({
      "x-sinch-webhook-signature-timestamp": "1634579353",
      "x-sinch-webhook-signature-nonce": "01FJA8B4A7BM43YGWSG9GBV067",
      "x-sinch-webhook-signature-algorithm": "HmacSHA256",
      "x-sinch-webhook-signature": computeSignature("k", "{}", "01FJA8B4A7BM43YGWSG9GBV067", "1634579353"),
    });
  });
});
