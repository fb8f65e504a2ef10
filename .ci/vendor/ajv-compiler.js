// The entry of dist/vendor/ajv-compiler.js (.ci/bundle-vendor.js): what src/contract/contract-ajv.ts compiles a
// --schemas folder with. The code ajv generates still requires its runtime files from the installed ajv package.
"use strict";
module.exports = {
  Ajv2020: require("ajv/dist/2020").default,
  addFormats: require("ajv-formats").default,
  standaloneCode: require("ajv/dist/standalone").default,
};
