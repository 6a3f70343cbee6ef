// Tests of the workbench window's webPreferences (Electron security checklist
// 2-4, 6-9): isolation, sandbox, no Node, web security, no webview tag.
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../main/window-options.ts';

describe('secureWebPreferences', () => {
  it('sets every security-relevant preference to its safe value', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });
});
