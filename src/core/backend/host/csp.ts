// The Content-Security-Policy of the renderer, sent as a header by both hosts that serve it (the
// HTTP bridge and Electron's session). It equals the <meta> in src/renderer/index.html plus
// frame-ancestors, which browsers ignore in a meta (test/bridge.test.ts asserts that), so the page
// is protected the same way whichever host loads it.
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
