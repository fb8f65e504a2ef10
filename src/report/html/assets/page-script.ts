import { createHash } from "node:crypto";
import { SCRIPT_DATA } from "./script-data";
import { SCRIPT_DOM } from "./script-dom";
import { SCRIPT_GATE } from "./script-gate";
import { SCRIPT_MAIN } from "./script-main";
import { SCRIPT_RUN } from "./script-run";
import { SCRIPT_STEP } from "./script-step";
import { SCRIPT_SUITES } from "./script-suites";

/** The whole page script: its parts in one function scope, strict mode, nothing global. */
export const PAGE_SCRIPT = `(() => {\n"use strict";\n${[SCRIPT_DOM, SCRIPT_DATA, SCRIPT_RUN, SCRIPT_GATE, SCRIPT_SUITES, SCRIPT_STEP, SCRIPT_MAIN].join("")}})();\n`;

/** The Content-Security-Policy source that allows exactly this script and no other. */
export const PAGE_SCRIPT_HASH = `'sha256-${createHash("sha256").update(PAGE_SCRIPT, "utf8").digest("base64")}'`;
