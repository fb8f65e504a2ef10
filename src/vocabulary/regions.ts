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
