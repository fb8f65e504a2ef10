export { CallbackReceiver, type ReceivedCallback } from "./receiver";
export { computeSignature, verifySignature, SIGNATURE_HEADER, type SignatureProblem } from "./signature";
export { TRIGGER_KEYS, triggerOfBody } from "./triggers";
