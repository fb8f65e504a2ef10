/**
 * How a callback body is serialised. `compact` is one line; `pretty` is indented by four spaces and ends with a
 * newline, like the multi-line body of the .NET SDK's signature test vector: a receiver that verifies the signature
 * over a re-serialised body instead of the exact bytes fails against it, as it would against the real service.
 */
export const CALLBACK_FORMATS = ["compact", "pretty"] as const;

/** One of CALLBACK_FORMATS. */
export type CallbackFormat = (typeof CALLBACK_FORMATS)[number];

/** The exact bytes sent for a callback body in a format. */
export function serialiseCallback(body: unknown, format: CallbackFormat): string {
  return format === "pretty" ? `${JSON.stringify(body, null, 4)}\n` : JSON.stringify(body);
}

/** The format of every webhook's callbacks: a default, and per webhook where the admin API set one. */
export class CallbackFormats {
  private readonly perWebhook = new Map<string, CallbackFormat>();

  constructor(private readonly initial: CallbackFormat) {}

  /** The format for one recipient (a per-message callback_url has no webhook: the default). */
  of(webhookId: string | undefined): CallbackFormat {
    return (webhookId === undefined ? undefined : this.perWebhook.get(webhookId)) ?? this.initial;
  }

  /** Set the format of one webhook's callbacks. */
  set(webhookId: string, format: CallbackFormat): void {
    this.perWebhook.set(webhookId, format);
  }

  /** Every per-webhook setting, for the admin API. */
  list(): Array<{ webhook_id: string; format: CallbackFormat }> {
    return [...this.perWebhook].map(([webhook_id, format]) => ({ webhook_id, format }));
  }

  /** Forget the per-webhook settings (the default given at start stays). */
  reset(): void {
    this.perWebhook.clear();
  }
}
