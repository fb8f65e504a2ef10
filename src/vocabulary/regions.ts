/** Regions of the Sinch Conversation API; the emulator serves the same ones. */
export const REGIONS = ["us", "eu", "br"] as const;

/** One region of the API. */
export type Region = (typeof REGIONS)[number];

/** Whether a string names a region. */
export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

/** The public URLs of a Sinch region. */
export function regionUrls(region: Region): { baseUrl: string; authUrl: string; templateBaseUrl: string } {
  return {
    baseUrl: `https://${region}.conversation.api.sinch.com`,
    authUrl: `https://${region}.auth.sinch.com`,
    templateBaseUrl: `https://${region}.template.api.sinch.com`,
  };
}

/** Where a run's tokens come from: each region's own token endpoint (the introduction) or the one global endpoint (today's SDKs). */
export const AUTH_MODES = ["regional", "global"] as const;

/** The global token host every SDK uses today; its tokens are valid in every region (`{GLOBAL_AUTH_URL}/oauth2/token`). */
export const GLOBAL_AUTH_URL = "https://auth.sinch.com";

/** The `region` claim of a token from the global endpoint (the emulator's; accepted in every region). */
export const GLOBAL_TOKEN_SCOPE = "global";
