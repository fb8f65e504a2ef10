// Stands in for iconv-lite inside dist/vendor/postman-collection.js (.ci/bundle-vendor.js): postman-collection uses it
// only to decode response bodies in other charsets, which this tool never asks of it, yet its tables are a third of
// the bundle V8 would parse on every first run. The real one (dist/vendor/postman-iconv.js) loads on the first call.
"use strict";
let iconv;
const load = () => (iconv ??= require("./postman-iconv.js"));
module.exports = new Proxy({}, { get: (_i, name) => (...args) => Reflect.apply(load()[name], load(), args) });
