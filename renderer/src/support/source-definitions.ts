// Wires the definition index (definition-index.ts) into Monaco: a C
// DefinitionProvider over the listed sources, and an editor opener so a jump
// into another file opens it in the Source view's tab (sources store).

import { sourceFileId, type SourceFile } from '../../../emulator/host/worker/source-listing.ts';
import { DefinitionIndex } from './definition-index.ts';
import { monaco } from './monaco-setup.ts';

const URI_PREFIX = '/userland/';

/** The URI of a file's model ("file:///userland/shell/shell.c"). */
export function sourceUri(id: string): monaco.Uri {
  return monaco.Uri.parse(`file://${URI_PREFIX}${id}`);
}

/** The file id a model URI names, or undefined for another URI. */
export function idOfUri(uri: monaco.Uri): string | undefined {
  return uri.path.startsWith(URI_PREFIX) ? uri.path.slice(URI_PREFIX.length) : undefined;
}

/** Returns the file's model, created (or refreshed when it holds no edits) from the file's saved text. */
export function modelFor(file: SourceFile): monaco.editor.ITextModel {
  const uri = sourceUri(sourceFileId(file));
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(file.text, 'c', uri);
}

export interface DefinitionSources {
  files(): readonly SourceFile[];
  /** Shows id at line:column in the Source view. */
  reveal(id: string, line: number, column: number): void;
}

/** Registers the provider and the opener; returns their disposable. The index is rebuilt when the file list changes. */
export function registerSourceDefinitions(sources: DefinitionSources): monaco.IDisposable {
  let indexed: readonly SourceFile[] | undefined;
  let index = new DefinitionIndex([]);
  const currentIndex = (): DefinitionIndex => {
    if (indexed !== sources.files()) {
      indexed = sources.files();
      index = new DefinitionIndex(indexed);
    }
    return index;
  };
  const provider = monaco.languages.registerDefinitionProvider('c', {
    provideDefinition(model, position) {
      const word = model.getWordAtPosition(position);
      const fromId = idOfUri(model.uri);
      const from = sources.files().find((file) => sourceFileId(file) === fromId);
      if (word === null || from === undefined) return null;
      const found = currentIndex().lookup(word.word, sourceFileId(from), from.folder);
      const target = found === undefined ? undefined : sources.files().find((file) => sourceFileId(file) === found.fileId);
      if (found === undefined || target === undefined) return null;
      return { uri: modelFor(target).uri, range: new monaco.Range(found.line, found.column, found.line, found.column + found.name.length) };
    },
  });
  const opener = monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selection) {
      const id = idOfUri(resource);
      if (id === undefined) return false;
      const start = selection === undefined ? { lineNumber: 1, column: 1 } : 'startLineNumber' in selection
        ? { lineNumber: selection.startLineNumber, column: selection.startColumn } : selection;
      sources.reveal(id, start.lineNumber, start.column);
      return true;
    },
  });
  return { dispose: () => { provider.dispose(); opener.dispose(); } };
}
