import type { RouteDef } from "../router";
import { appRoutes } from "./apps";
import { asyncRoutes } from "./async-requests";
import { consentSettingsRoutes } from "./consents-settings";
import { contactExtraRoutes } from "./contacts-extra";
import { contactRoutes } from "./contacts";
import { conversationRoutes as conversations } from "./conversations";
import { eventRoutes } from "./events";
import { injectRoutes } from "./inject";
import { messageRoutes } from "./messages";
import { sendRoutes } from "./send";
import { templateRoutes } from "./templates";
import { transcodeRoutes } from "./transcode";
import { webhookRoutes } from "./webhooks";

/** Every operation of the Conversation host. */
export const conversationRoutes: RouteDef[] = [
  ...appRoutes, ...contactRoutes, ...contactExtraRoutes, ...conversations, ...injectRoutes, ...sendRoutes,
  ...messageRoutes, ...transcodeRoutes, ...eventRoutes, ...webhookRoutes, ...asyncRoutes, ...consentSettingsRoutes,
];

export { templateRoutes };
