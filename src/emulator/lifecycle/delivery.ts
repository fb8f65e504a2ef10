import { emitCallback } from "../callbacks/emit";
import { nowIso } from "../ids";
import type { Region } from "../../vocabulary/regions";
import type { Runtime } from "../runtime";
import type { EventRecord, Json, MessageRecord } from "../store/types";

/** A reason as delivery reports carry it. */
export interface Reason extends Json {
  code: string;
  description: string;
  sub_code: string;
}

/** Everything the lifecycle of one sent message or event needs. */
export interface LifecycleJob {
  rt: Runtime;
  region: Region;
  projectId: string;
  appId: string;
  correlationId?: string;
  callbackUrl?: string;
  /** set when the message must end FAILED */
  failure?: Reason;
}

const MESSAGE_STEPS = ["QUEUED_ON_CHANNEL", "DELIVERED", "READ"];
const EVENT_STEPS = ["QUEUED_ON_CHANNEL", "DELIVERED"];

function steps(all: string[], failure: Reason | undefined): string[] {
  return failure ? [all[0] as string, "FAILED"] : all;
}

/** Move a sent message through QUEUED_ON_CHANNEL -> DELIVERED -> READ (or FAILED), one MESSAGE_DELIVERY callback per step. */
export function runMessageLifecycle(job: LifecycleJob, record: MessageRecord): void {
  const plan = steps(MESSAGE_STEPS, job.failure);
  const store = job.rt.world.project(job.region, job.projectId);
  plan.forEach((status, i) => {
    job.rt.timers.after(job.rt.options.deliveryStepMs * (i + 1), () => {
      if (store.messages.get(record.message.id) !== record) return;
      const reason = status === "FAILED" ? job.failure : undefined;
      const eventTime = nowIso();
      record.message.message_status = { status, event_time: eventTime, ...(reason ? { reason } : {}) };
      const m = record.message;
      emitCallback(job.rt, {
        region: job.region, projectId: job.projectId, appId: job.appId, trigger: "MESSAGE_DELIVERY",
        key: "message_delivery_report", acceptedTime: String(m.accept_time), correlationId: job.correlationId,
        callbackUrl: job.callbackUrl,
        payload: {
          message_id: m.id, conversation_id: m.conversation_id, status, channel_identity: { ...m.channel_identity },
          contact_id: m.contact_id, ...(reason ? { reason } : {}), metadata: m.metadata, processing_mode: m.processing_mode,
        },
      });
    });
  });
}

/** Move a sent event through QUEUED_ON_CHANNEL -> DELIVERED (or FAILED), one EVENT_DELIVERY callback per step. */
export function runEventLifecycle(job: LifecycleJob, record: EventRecord, eventMetadata: string): void {
  const plan = steps(EVENT_STEPS, job.failure);
  plan.forEach((status, i) => {
    job.rt.timers.after(job.rt.options.deliveryStepMs * (i + 1), () => {
      const reason = status === "FAILED" ? job.failure : undefined;
      const e = record.event;
      emitCallback(job.rt, {
        region: job.region, projectId: job.projectId, appId: job.appId, trigger: "EVENT_DELIVERY",
        key: "event_delivery_report", acceptedTime: String(e.accept_time), correlationId: job.correlationId,
        callbackUrl: job.callbackUrl,
        payload: {
          event_id: e.id, status, channel_identity: { ...(e.channel_identity as Json) }, contact_id: e.contact_id,
          ...(reason ? { reason } : {}), metadata: eventMetadata, processing_mode: e.processing_mode,
        },
      });
    });
  });
}

/** The reason of a failed delivery. */
export function reason(code: string, description: string): Reason {
  return { code, description, sub_code: "UNSPECIFIED_SUB_CODE" };
}
