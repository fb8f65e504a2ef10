#!/usr/bin/env node
import { join } from "node:path";
import { resolveCacheDir } from "../load/cache-dir";
import { prepareCli } from "./prepare-cli";

prepareCli(resolveCacheDir(join(__dirname, "..", "..")));
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("./entry");
