// Stands in for `node:http` in the Lambda bundles (an esbuild alias in
// infra/constructs/partner-function.ts): the same module, read as CommonJS. An ESM import of
// `node:http` (@middy/util imports STATUS_CODES from it) builds the module's ESM namespace,
// which reads every export, and reading http.WebSocket loads Node's bundled undici: ~10 ms
// of every cold start for nothing. The local cloud runs the sources unbundled.
module.exports = process.getBuiltinModule('node:http');
