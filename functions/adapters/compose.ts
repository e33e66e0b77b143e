/**
 * One adapter object from its parts (a reader, a writer, extra methods). Call it as
 * `/* @__PURE__ *\/ compose(…)`: esbuild keeps an object spread even when nothing uses the
 * object, but drops a pure call, so a bundle that takes only an adapter's reader carries none
 * of its writes — and its role holds none (infra/constructs/bundle-access.ts).
 */
export function compose<A extends object, B extends object, C extends object = object>(a: A, b: B, c?: C): A & B & C {
  return Object.assign({}, a, b, c) as A & B & C;
}
