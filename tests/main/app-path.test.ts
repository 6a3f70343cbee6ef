// Path-traversal tests of resolveAppPath: only app://workbench URLs naming a
// file under the root resolve; every escape attempt returns undefined.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { resolveAppPath } from '../../main/app-path.ts';

const root = resolve('/srv/app/out/renderer');

describe('resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://workbench/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://workbench/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://workbench/assets/index-Dx_9a~b.js')).toBe(join(root, 'assets/index-Dx_9a~b.js'));
    expect(resolveAppPath(root, 'app://workbench/rvos/boot-image.bin?x=1#y')).toBe(join(root, 'rvos/boot-image.bin'));
  });

  it('resolves a relative root against the working directory', () => {
    expect(resolveAppPath('out/renderer', 'app://workbench/a.js')).toBe(resolve('out/renderer/a.js'));
  });

  it.each([
    'app://workbench/../secret',
    'app://workbench/assets/../../etc/passwd',
    'app://workbench/./index.html',
    'app://workbench/%2e%2e/secret',
    'app://workbench/%2E%2E/secret',
    'app://workbench/.%2e/secret',
    'app://workbench/assets%2f..%2f..%2fsecret',
    'app://workbench/..%5csecret',
    'app://workbench/assets\\..\\..\\secret',
    'app://workbench/..\\secret',
    'app://workbench/a%00.js',
    'app://workbench/a\0.js',
    'app://workbench//etc/passwd',
    'app://workbench/assets//x.js',
    'app://workbench/%2fetc%2fpasswd',
    'app://workbench/a b.js',
    'app://workbench/..',
    'app://workbench/.',
  ])('refuses traversal %s', (url) => {
    expect(resolveAppPath(root, url)).toBeUndefined();
  });

  it.each([
    'app://other/index.html',
    'app://workbench.evil/index.html',
    'app://user@workbench/index.html',
    'app://workbench:8080/index.html',
    'file:///etc/passwd',
    'http://workbench/index.html',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '',
    'not a url',
  ])('refuses other schemes, hosts and non-URLs %s', (url) => {
    expect(resolveAppPath(root, url)).toBeUndefined();
  });
});
