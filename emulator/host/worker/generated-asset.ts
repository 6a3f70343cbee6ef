// The part the browser host's Vite plugins share: a file made on the Node side
// (boot image, source listing), answered from a dev-server middleware at its
// path and emitted under the same path in a build.

import type { Connect } from 'vite';

/** A middleware answering GET `path` with `produce()` (500 with the message when it throws). */
export function generatedAssetMiddleware(path: string, contentType: string, produce: () => Uint8Array | string): Connect.NextHandleFunction {
  return (req, res, next) => {
    if (req.url?.split('?')[0] !== path) return next();
    try {
      const body = produce();
      res.setHeader('Content-Type', contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    } catch (error) {
      res.statusCode = 500;
      res.end(error instanceof Error ? error.message : String(error));
    }
  };
}
