import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it); CC_CHROMIUM names another binary. */
export const CHROMIUM = process.env.CC_CHROMIUM ?? "/usr/bin/chromium";

/** Flags that keep the browser from reaching out on its own (Playwright adds --headless for `headless: true`). */
const ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

/** A headless Chromium with a fresh profile, closed (and its profile removed) by close(). */
export interface HeadlessBrowser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium; a missing binary is an error that says how to install it (a browser test must fail, not skip). */
export async function openChromium(): Promise<HeadlessBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does this), or set CC_CHROMIUM to a Chromium binary`);
  }
  const profile = mkdtempSync(join(tmpdir(), "cc-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, timeout: 120_000,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
