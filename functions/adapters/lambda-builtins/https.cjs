// `node:https` in the Lambda bundles, read as CommonJS (see README.md here).
module.exports = process.getBuiltinModule('node:https');
