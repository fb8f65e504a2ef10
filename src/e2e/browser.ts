import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium on the PATH (`apt-get install -y chromium`; .ci/run installs it); CC_CHROMIUM names another binary. */
function chromiumBinary(): string | undefined {
  if (process.env.CC_CHROMIUM) return process.env.CC_CHROMIUM;
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of ["chromium", "chromium-browser"]) {
    const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
    if (found) return found;
  }
  return undefined;
}

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
  const binary = chromiumBinary();
  if (!binary || !existsSync(binary)) {
    throw new Error(`Chromium is not installed (${binary ? `nothing at CC_CHROMIUM=${binary}` : "no chromium on the PATH"}): `
      + "install it with `apt-get install -y chromium` (.ci/run does this), or set CC_CHROMIUM to a Chromium binary");
  }
  const profile = mkdtempSync(join(tmpdir(), "cc-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: binary, headless: true, args: ARGS, viewport: { width: 1280, height: 900 }, timeout: 120_000,
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
