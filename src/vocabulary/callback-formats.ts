/**
 * How the emulator serialises callback bodies: `compact` is one line; `pretty` is indented by four spaces and ends
 * with a newline, like the multi-line body of the .NET SDK's signature test vector.
 */
export const CALLBACK_FORMATS = ["compact", "pretty"] as const;

/** One of CALLBACK_FORMATS. */
export type CallbackFormat = (typeof CALLBACK_FORMATS)[number];

/** The emulator's default. */
export const DEFAULT_CALLBACK_FORMAT: CallbackFormat = "compact";
