// Stands in for undici's ./client-h2.js inside dist/vendor/undici-agent.js (.ci/bundle-vendor.js): undici's client
// requires it, and with it node:http2, when it loads, but calls it only for a connection that negotiated HTTP/2 (never,
// unless allowH2 is set); here it is loaded on that first call, and is the same function.
"use strict";
module.exports = function connectH2(...args) {
  return require("undici/lib/dispatcher/client-h2.js").apply(this, args);
};
