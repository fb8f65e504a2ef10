import { PAGE_SCRIPT, PAGE_SCRIPT_HASH } from "./assets/page-script";
import { PAGE_STYLE } from "./assets/page-style";

/**
 * Nothing on the page may reach the network: no source is allowed by default, the one inline script is allowed
 * by its hash, styles only inline, images only as data: URLs (the empty icon keeps the browser from asking for
 * /favicon.ico). No connect-src: the page cannot fetch, open a socket or send a beacon.
 */
export const CONTENT_SECURITY_POLICY =
  `default-src 'none'; script-src ${PAGE_SCRIPT_HASH}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;

/**
 * The start of report.html, up to the element the script renders into. The data blocks follow it, and the
 * document is never closed: </body> and </html> may be left out in HTML, so blocks can be appended at any time.
 */
export function pageHead(title: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${PAGE_STYLE}</style>`,
    `<script>${PAGE_SCRIPT}</script>`,
    "</head>",
    "<body>",
    '<main id="app"><p>Loading the report…</p><noscript>This report renders with JavaScript; its data is in the page source as JSON blocks.</noscript></main>',
    "",
  ].join("\n");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
