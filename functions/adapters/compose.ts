/**
 * One adapter object from its parts (a reader, a writer, extra methods). Call it as
 * `/* @__PURE__ *\/ compose(…)`: esbuild keeps an object spread even when nothing uses the
 * object, but drops a pure call, so a bundle that takes only an adapter's reader carries none
 * of its writes — and its role holds none (infra/constructs/bundle-access.ts).
 *
 * The same holds for a property read in a module-level object (`{ load: reader.load }`: it
 * could run a getter, so esbuild keeps the object): wrap it (`{ load: (id) => reader.load(id) }`).
 */
export function compose<A extends object, B extends object, C extends object = object>(a: A, b: B, c?: C): A & B & C {
  return Object.assign({}, a, b, c) as A & B & C;
}
