// The entry of dist/vendor/undici-agent.js (.ci/bundle-vendor.js): the only part of undici a run sends with
// (src/execute/http/dispatcher.ts), 24 files as one.
"use strict";
module.exports = require("undici/lib/dispatcher/agent");
