// VM store: the VM host's run state and speed (from its 'state' events) and
// the toolbar's actions (boot, pause, resume, reset). Console output events
// are routed to the console store.

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RunStatus } from '../../../emulator/host/protocol/messages.ts';
import { vmConnection } from '../host-client/vm-connection.ts';
import { useConsoleStore } from './console.ts';

const OFF: RunStatus = { state: 'off', idle: false, mips: 0, virtualTimeNs: 0, steps: 0, message: '' };

export const useVmStore = defineStore('vm', () => {
  const status = ref<RunStatus>(OFF);
  const lastError = ref('');
  const busy = ref(false);
  let connected = false;

  const canBoot = computed(() => !busy.value && status.value.state === 'off');
  const canPause = computed(() => !busy.value && status.value.state === 'running');
  const canResume = computed(() => !busy.value && status.value.state === 'paused');
  const canReset = computed(() => !busy.value && status.value.state !== 'off' && status.value.state !== 'booting');

  /** Subscribes to the host's events (once). */
  function connect(): void {
    if (connected) return;
    connected = true;
    const host = vmConnection();
    const consoleStore = useConsoleStore();
    host.on('state', (event) => { status.value = event.status; });
    host.on('console-output', (event) => consoleStore.receive(event.bytes));
    host.on('error', (event) => { lastError.value = event.message; });
  }

  async function perform(op: 'boot' | 'pause' | 'resume' | 'reset'): Promise<void> {
    connect();
    busy.value = true;
    lastError.value = '';
    try {
      status.value = await vmConnection().request(op);
    } catch (error) {
      lastError.value = error instanceof Error ? error.message : String(error);
    } finally {
      busy.value = false;
    }
  }

  function boot(): Promise<void> {
    return perform('boot');
  }

  function reset(): Promise<void> {
    useConsoleStore().clear();
    return perform('reset');
  }

  return {
    status, lastError, busy, canBoot, canPause, canResume, canReset, connect, boot, reset,
    pause: () => perform('pause'), resume: () => perform('resume'),
  };
});
