// Kernel-state store: the latest kernel introspection snapshot for the
// inspector. While the VM runs it asks the host for one a few times per second
// (never more than one request in flight); on pause, halt or failure it takes
// one more; when the VM is off or booting anew it forgets the old one.

import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import type { IntrospectionSnapshot } from '../../../emulator/kernel/introspection/introspection-types.ts';
import type { RunState } from '../../../emulator/host/protocol/messages.ts';
import { vmConnection } from '../host-client/vm-connection.ts';
import { LatestPoller } from '../support/latest-poller.ts';
import { useVmStore } from './vm.ts';

/** Delay between one snapshot's arrival and the next request (about 4 per second). */
export const KERNEL_STATE_POLL_MS = 250;

export const useKernelStateStore = defineStore('kernel-state', () => {
  const snapshot = shallowRef<IntrospectionSnapshot | null>(null);
  /** Snapshots received since the page loaded (the inspector shows it is live). */
  const updates = ref(0);
  const lastError = ref('');
  let poller: LatestPoller<IntrospectionSnapshot> | undefined;

  function received(value: IntrospectionSnapshot): void {
    snapshot.value = value;
    updates.value++;
    lastError.value = '';
  }

  /** Follows the VM's run state from now on (once; later calls do nothing). */
  function follow(): void {
    if (poller !== undefined) return;
    const created = new LatestPoller<IntrospectionSnapshot>({
      fetch: () => vmConnection().request('introspect'),
      intervalMs: KERNEL_STATE_POLL_MS,
      onResult: received,
      onError: (error) => { lastError.value = error instanceof Error ? error.message : String(error); },
    });
    poller = created;
    const vm = useVmStore();
    watch(() => vm.status.state, (state) => track(created, state), { immediate: true });
  }

  function track(polling: LatestPoller<IntrospectionSnapshot>, state: RunState): void {
    if (state === 'running') {
      polling.start();
    } else if (state === 'off' || state === 'booting') {
      polling.discard();
      snapshot.value = null;
    } else {
      polling.stop();
      polling.refresh();
    }
  }

  return { snapshot, updates, lastError, follow };
});
