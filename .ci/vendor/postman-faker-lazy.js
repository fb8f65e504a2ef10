// Stands in for @faker-js/faker/locale/en inside dist/vendor/postman-collection.js (.ci/bundle-vendor.js); the real
// one is bundled on its own (dist/vendor/postman-faker.js): V8 parses it only when it is used.
// postman-collection loads faker (most of its load time) only to make Postman's dynamic variables ({{$randomCity}}...),
// which this tool makes itself: when it loads it takes `faker.<module>.<method>` references (never calling them), so
// here each such reference is a function that loads the real faker on its first call and calls the same method.
"use strict";
let faker;
const load = () => (faker ??= require("./postman-faker.js"));
const lazyModule = (name) => new Proxy({}, { get: (_m, method) => (...args) => Reflect.apply(load()[name][method], undefined, args) });
module.exports = new Proxy({}, { get: (_f, name) => lazyModule(name) });
