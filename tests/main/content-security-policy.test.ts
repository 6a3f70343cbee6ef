// Tests of the CSP sent with app content: strict defaults, wasm allowed for
// the hart, workers from the app only, nothing inline or remote for scripts.
import { describe, expect, it } from 'vitest';
import { appContentSecurityPolicy } from '../../main/content-security-policy.ts';

function directives(): Map<string, string> {
  const entries = appContentSecurityPolicy().split('; ').map((part) => {
    const space = part.indexOf(' ');
    return [part.slice(0, space), part.slice(space + 1)] as const;
  });
  return new Map(entries);
}

describe('appContentSecurityPolicy', () => {
  it('allows scripts and workers from the app only, plus wasm compilation', () => {
    const csp = directives();
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(csp.get('worker-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
  });

  it('forbids plugins, frames, base changes and form posts', () => {
    const csp = directives();
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action']) {
      expect(csp.get(name), name).toBe("'none'");
    }
  });

  it('never allows unsafe-eval, inline scripts or remote hosts', () => {
    const policy = appContentSecurityPolicy();
    expect(policy).not.toMatch(/'unsafe-eval'/);
    expect(directives().get('script-src')).not.toContain('unsafe-inline');
    expect(policy).not.toMatch(/https?:|\*/);
  });
});
