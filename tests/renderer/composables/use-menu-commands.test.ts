// The native menu's commands map onto the store actions one to one.
import { describe, expect, it, vi } from 'vitest';
import { runMenuCommand, type MenuCommandActions } from '../../../renderer/src/composables/use-menu-commands.ts';
import { MENU_COMMANDS, type MenuCommand } from '../../../preload/workbench-api.ts';

describe('runMenuCommand', () => {
  it('calls exactly the action of each menu command', async () => {
    const actions = {
      boot: vi.fn(async () => {}), pause: vi.fn(async () => {}), resume: vi.fn(async () => {}), reset: vi.fn(async () => {}),
      openSnapshot: vi.fn(async () => {}), saveSnapshot: vi.fn(async () => {}),
    } satisfies MenuCommandActions;
    const expected: Record<MenuCommand, keyof MenuCommandActions> = {
      boot: 'boot', pause: 'pause', resume: 'resume', reset: 'reset', 'open-snapshot': 'openSnapshot', 'save-snapshot': 'saveSnapshot',
    };
    for (const command of MENU_COMMANDS) {
      Object.values(actions).forEach((action) => action.mockClear());
      await runMenuCommand(command, actions);
      const called = Object.entries(actions).filter(([, action]) => action.mock.calls.length > 0).map(([name]) => name);
      expect(called).toEqual([expected[command]]);
    }
  });
});
