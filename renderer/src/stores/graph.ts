// Capability-graph store: subscribes to the VM host's 'introspection-diff'
// stream when the graph is first opened, keeps the live kernel state (diffs
// applied; cleared when the VM is off) and the graph model of what is shown
// (frozen while the graph is paused), the filters, search, hovered/selected
// element and the last diff's timing.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { IntrospectionDiff } from '../../../emulator/host/protocol/introspection-diff.ts';
import type { IpcEventView } from '../../../emulator/kernel/introspection/introspection-types.ts';
import { vmConnection } from '../host-client/vm-connection.ts';
import { NO_FILTER, type GraphFilter } from '../graph/graph-filter.ts';
import { buildGraphModel } from '../graph/graph-model.ts';
import { applyDiff, EMPTY_SOURCE, type GraphSource } from '../graph/graph-source.ts';
import { useVmStore } from './vm.ts';

/** A hovered or selected element: a process (node p:pid) or a channel (by one of its endpoints). */
export type GraphSelection = { readonly kind: 'process'; readonly pid: number } | { readonly kind: 'channel'; readonly endpoint: number } | { readonly kind: 'shm'; readonly id: number };

/** The last diff applied: its sequence number, when the host sent it, and the IPC sends it carried. */
export interface GraphDiffInfo {
  readonly seq: number;
  readonly full: boolean;
  readonly sentAt: number;
  readonly ipc: readonly IpcEventView[];
}

export const useGraphStore = defineStore('graph', () => {
  const live = shallowRef<GraphSource>(EMPTY_SOURCE);
  const frozen = shallowRef<GraphSource | null>(null);
  const source = computed(() => frozen.value ?? live.value);
  const model = computed(() => buildGraphModel(source.value));
  const filter = ref<GraphFilter>(NO_FILTER);
  const search = ref('');
  const hovered = ref<GraphSelection | null>(null);
  const selected = ref<GraphSelection | null>(null);
  const lastDiff = shallowRef<GraphDiffInfo | null>(null);
  const diffs = ref(0);
  const lastError = ref('');
  let opened = false;

  const paused = computed(() => frozen.value !== null);

  /** Applies one diff from the host (or a synthetic one from a test or bench). */
  function receive(diff: IntrospectionDiff): void {
    live.value = applyDiff(live.value, diff);
    diffs.value++;
    if (frozen.value === null) lastDiff.value = { seq: diff.seq, full: diff.full, sentAt: diff.sentAt, ipc: diff.ipc.recent };
  }

  /** Starts following the VM (once): subscribes to the diff stream and forgets the state when the VM goes off. */
  function open(): void {
    if (opened) return;
    opened = true;
    const host = vmConnection();
    host.on('introspection-diff', (event) => receive(event.diff));
    host.request('graph-subscribe').catch((error: unknown) => { lastError.value = error instanceof Error ? error.message : String(error); });
    const vm = useVmStore();
    // A new VM's first diff is full and replaces everything; only a VM that is gone leaves nothing to show.
    watch(() => vm.status.state, (state) => {
      if (state !== 'off') return;
      live.value = EMPTY_SOURCE;
      if (frozen.value !== null) frozen.value = EMPTY_SOURCE;
    });
  }

  /** Freezes what is shown (the VM keeps running and diffs keep arriving) or catches up with the live state. */
  function setPaused(pause: boolean): void {
    frozen.value = pause ? live.value : null;
  }

  return { live, source, model, filter, search, hovered, selected, lastDiff, diffs, lastError, paused, receive, open, setPaused };
});
