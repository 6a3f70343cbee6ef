// Sources store: the guest program sources (source-backend.ts: the dev server
// or Electron main), the open tabs and the selected one, unsaved edits (dirty
// tabs), saving (write the file, then 'source-save' to the VM host, which
// rebuilds and hot-reloads), external edits and their conflicts with unsaved ones.

import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import { sourceFileId, type SourceFile } from '../../../emulator/host/worker/source-listing.ts';
import type { SourceChange } from '../../../emulator/host/userland-build/source-paths.ts';
import type { HostClient } from '../host-client/host-client.ts';
import type { SourceBackend } from '../support/source-backend-type.ts';
import { useReloadLogStore } from './reload-log.ts';

/** The file selected before the user picks one, when it is in the listing. */
export const DEFAULT_SOURCE_ID = 'shell/shell.c';

/** Where the editor should show a position (problems list, go-to-definition); seq makes each request new. */
export interface RevealRequest {
  fileId: string;
  line: number;
  column: number;
  seq: number;
}

export const useSourcesStore = defineStore('sources', () => {
  const files = shallowRef<SourceFile[]>([]);
  const openIds = ref<string[]>([]);
  const selectedId = ref('');
  /** Unsaved editor texts by file id (only while they differ from the saved text). */
  const drafts = reactive(new Map<string, string>());
  /** Texts another editor saved while the tab had unsaved edits, by file id. */
  const conflicts = reactive(new Map<string, string>());
  const reveal = ref<RevealRequest | null>(null);
  const loading = ref(false);
  const saving = ref(false);
  const lastError = ref('');
  let backend: SourceBackend | undefined;
  let vmHost: (() => HostClient) | undefined;
  let revealSeq = 0;
  const selected = computed(() => fileById(selectedId.value) ?? null);

  function fileById(id: string): SourceFile | undefined {
    return files.value.find((file) => sourceFileId(file) === id);
  }

  /** Returns the file at path (relative to fixtures/userland), if listed. */
  function fileByPath(path: string): SourceFile | undefined {
    return files.value.find((file) => file.path === path);
  }

  function reportError(error: unknown): void {
    lastError.value = error instanceof Error ? error.message : String(error);
  }

  /** Fetches the listing from `using` unless loaded or loading, and follows external edits (saves rebuild on `host`); failures land in lastError. */
  async function load(using: SourceBackend, host: () => HostClient): Promise<void> {
    if (loading.value || files.value.length > 0) return;
    loading.value = true;
    try {
      backend = using;
      vmHost = host;
      const listing = await backend.list();
      files.value = listing.files;
      lastError.value = '';
      backend.onExternalChange((change) => void externalChange(change));
      if (selected.value === null) open(fileById(DEFAULT_SOURCE_ID) !== undefined ? DEFAULT_SOURCE_ID : sourceFileId(listing.files[0] ?? { folder: '', name: '' }));
    } catch (error) {
      reportError(error);
    } finally {
      loading.value = false;
    }
  }

  /** Opens the file with this id ("shell/shell.c") in a tab and shows it. */
  function open(id: string): void {
    if (!openIds.value.includes(id)) openIds.value.push(id);
    selectedId.value = id;
  }

  /** Closes a tab (its unsaved edits are dropped); shows a neighbour when it was selected. */
  function close(id: string): void {
    const index = openIds.value.indexOf(id);
    if (index < 0) return;
    openIds.value.splice(index, 1);
    drafts.delete(id);
    conflicts.delete(id);
    if (selectedId.value === id) selectedId.value = openIds.value[Math.min(index, openIds.value.length - 1)] ?? '';
  }

  /** Opens a file and asks the editor to show line:column. */
  function revealAt(id: string, line: number, column: number): void {
    open(id);
    reveal.value = { fileId: id, line, column, seq: ++revealSeq };
  }

  /** Records the editor's text of a file: a draft while it differs from the saved text. */
  function edit(id: string, text: string): void {
    if (fileById(id)?.text === text) drafts.delete(id);
    else drafts.set(id, text);
  }

  function isDirty(id: string): boolean {
    return drafts.has(id);
  }

  function replaceText(path: string, text: string): void {
    files.value = files.value.map((file) => (file.path === path ? { ...file, text } : file));
  }

  /** Asks the VM host to rebuild and reload after a change; the result goes to the reload log. */
  async function rebuild(change: SourceChange): Promise<void> {
    if (vmHost === undefined) return;
    const result = await vmHost().request('source-save', change);
    useReloadLogStore().record({ ...result, path: change.path });
  }

  /** Saves a file's draft (default: the selected file): writes it, then rebuilds; failures land in lastError. */
  async function save(id = selectedId.value): Promise<void> {
    const file = fileById(id);
    if (file === undefined || file.readOnly || backend === undefined) return;
    const change = { path: file.path, text: drafts.get(id) ?? file.text };
    saving.value = true;
    try {
      await backend.write(change);
      replaceText(file.path, change.text);
      drafts.delete(id);
      conflicts.delete(id);
      lastError.value = '';
      await rebuild(change);
    } catch (error) {
      reportError(error);
    } finally {
      saving.value = false;
    }
  }

  /** Another editor saved a file: refresh it (or note a conflict when it has unsaved edits) and rebuild. */
  async function externalChange(change: SourceChange): Promise<void> {
    const file = fileByPath(change.path);
    if (file === undefined || file.text === change.text) return;
    const id = sourceFileId(file);
    if (isDirty(id) && drafts.get(id) !== change.text) conflicts.set(id, change.text);
    else drafts.delete(id);
    replaceText(change.path, change.text);
    try {
      await rebuild(change);
    } catch (error) {
      reportError(error);
    }
  }

  /** Ends a conflict: 'theirs' drops the unsaved edits for the file on disk, 'mine' keeps editing them. */
  function resolveConflict(id: string, keep: 'mine' | 'theirs'): void {
    if (keep === 'theirs') drafts.delete(id);
    conflicts.delete(id);
  }

  return {
    files, openIds, selectedId, selected, drafts, conflicts, reveal, loading, saving, lastError,
    fileById, fileByPath, load, open, select: open, close, revealAt, edit, isDirty, save, externalChange, resolveConflict,
  };
});
