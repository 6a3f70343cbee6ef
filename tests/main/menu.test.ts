// Tests of the native menu template: its structure, the dev-only items, the
// macOS app menu, and that each command item's click sends its typed command.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../main/menu.ts';
import { MENU_COMMANDS, type MenuCommand } from '../../preload/workbench-api.ts';

function submenu(item: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return item.submenu as MenuItemConstructorOptions[];
}

function describeItem(item: MenuItemConstructorOptions): string {
  return item.role ?? item.label ?? item.type ?? '?';
}

function outline(template: MenuItemConstructorOptions[]): Record<string, string[]> {
  return Object.fromEntries(template.map((menu) => [describeItem(menu), menu.submenu ? submenu(menu).map(describeItem) : []]));
}

describe('buildMenuTemplate', () => {
  it('has File, VM and View menus with the workbench items', () => {
    const template = buildMenuTemplate({ isDev: false, platform: 'linux', send: () => {} });
    expect(outline(template)).toEqual({
      File: ['Open Snapshot…', 'Save Snapshot…', 'separator', 'quit'],
      VM: ['Boot', 'Pause', 'Resume', 'separator', 'Reset'],
      View: ['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen'],
    });
  });

  it('adds Reload and Toggle DevTools only in development', () => {
    const template = buildMenuTemplate({ isDev: true, platform: 'linux', send: () => {} });
    expect(outline(template)['View']!.slice(0, 3)).toEqual(['reload', 'toggleDevTools', 'separator']);
  });

  it('starts with the app menu on macOS', () => {
    expect(buildMenuTemplate({ isDev: false, platform: 'darwin', send: () => {} })[0]).toEqual({ role: 'appMenu' });
  });

  it('sends each command exactly once when its item is clicked', () => {
    const send = vi.fn<(command: MenuCommand) => void>();
    const items = buildMenuTemplate({ isDev: false, platform: 'linux', send }).flatMap(submenu).filter((item) => item.click);
    expect(items.map((item) => item.id).sort()).toEqual([...MENU_COMMANDS].sort());
    for (const item of items) {
      send.mockClear();
      (item.click as () => void)();
      expect(send.mock.calls).toEqual([[item.id]]);
    }
  });

  it('leaves plain Ctrl+letter keys to the guest shell', () => {
    const accelerators = buildMenuTemplate({ isDev: false, platform: 'linux', send: () => {} })
      .flatMap(submenu).map((item) => item.accelerator).filter((key): key is string => key !== undefined);
    expect(accelerators.length).toBe(MENU_COMMANDS.length);
    for (const key of accelerators) expect(key).not.toMatch(/^CmdOrCtrl\+[A-Z]$/);
  });
});
