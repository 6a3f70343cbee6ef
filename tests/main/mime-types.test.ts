// Tests of the Content-Type table of the app:// protocol.
import { describe, expect, it } from 'vitest';
import { mimeTypeFor } from '../../main/mime-types.ts';

describe('mimeTypeFor', () => {
  it('names the types the built renderer uses, case-insensitively', () => {
    expect(mimeTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/r/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/assets/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/r/assets/hart.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('/r/assets/codicon.ttf')).toBe('font/ttf');
  });

  it('falls back to octet-stream for unknown or missing extensions', () => {
    expect(mimeTypeFor('/r/x.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r/Makefile')).toBe('application/octet-stream');
  });
});
