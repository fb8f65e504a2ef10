import { tokenOperations } from "../auth/token-endpoint";
import { appOperations } from "./apps";
import { asyncOperations } from "./async-requests";
import { consentSettingsOperations } from "./consents-settings";
import { contactExtraOperations } from "./contacts-extra";
import { contactOperations } from "./contacts";
import { conversationOperations } from "./conversations";
import { eventOperations } from "./events";
import type { HandlerMap } from "./handler";
import { injectOperations } from "./inject";
import { messageOperations } from "./messages";
import { sendOperations } from "./send";
import { templateOperations } from "./templates";
import { templateV1Operations } from "./templates-v1";
import { transcodeOperations } from "./transcode";
import { webhookOperations } from "./webhooks";

/** The handler of every operation of schemas/operations.json, by operation id (a test keeps the two in step). */
export const HANDLERS: HandlerMap = {
  ...tokenOperations, ...appOperations, ...contactOperations, ...contactExtraOperations, ...conversationOperations,
  ...injectOperations, ...sendOperations, ...messageOperations, ...transcodeOperations, ...eventOperations,
  ...webhookOperations, ...asyncOperations, ...consentSettingsOperations, ...templateOperations,
  ...templateV1Operations,
};
