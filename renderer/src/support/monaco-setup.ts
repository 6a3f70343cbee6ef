// The slice of Monaco the Source view uses: the editor API, the C language
// (highlighting), the editor contributions for find (Ctrl+F), go to definition
// (F12, Ctrl+click, peek), hovers over markers, next problem (F8) and the context
// menu, the icon font and the editor web worker, bundled by Vite as a
// same-origin module worker (the CSP allows worker-src 'self' only).

import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/cpp/register';
// editor.api carries no contributions: each feature is its own module.
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
// The icon font (folding arrows, widgets); editor.api leaves it to the app. The
// package's exports map cannot name a .css file, hence the path.
import '../../../node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';

self.MonacoEnvironment = {
  getWorker: () => new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module' }),
};

export { monaco };
