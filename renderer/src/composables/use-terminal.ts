// An xterm.js terminal on the serial console: mounted into an element, fitted
// to it on resize, fed by the console store and sending typed keys to the guest.
// The guest shell runs in raw mode and echoes itself: keys go out as xterm
// encodes them (Enter = CR, Backspace = DEL, Ctrl+letter = control code).

import { Terminal, type ITheme } from '@xterm/xterm';
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { useConsoleStore } from '../stores/console.ts';
import { fitCells, measureCell } from '../support/terminal-cell.ts';

const FONT_FAMILY = '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace';
const FONT_SIZE = 14;
/** Above 1 so underscores are not clipped by the next row. */
const LINE_HEIGHT = 1.2;
const THEME: ITheme = { background: '#1e1e1e', foreground: '#d4d4d4', cursor: '#d4d4d4', selectionBackground: '#264f78' };

/** Opens a terminal in `element` once mounted; disposes it on unmount. Returns a function that focuses it. */
export function useTerminal(element: Ref<HTMLElement | null>): { focus(): void } {
  const consoleStore = useConsoleStore();
  let terminal: Terminal | undefined;
  const cleanups: (() => void)[] = [];

  onMounted(() => {
    const el = element.value;
    if (el === null) return;
    const term = new Terminal({
      convertEol: true, cursorBlink: true, scrollback: 5000, fontFamily: FONT_FAMILY, fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT, theme: THEME,
    });
    terminal = term;
    term.open(el);
    term.attachCustomKeyEventHandler((event) => clipboardKey(term, event));
    const input = term.onData((data) => consoleStore.send(data));
    const clearOnReset = watch(() => consoleStore.generation, () => term.reset());
    cleanups.push(() => input.dispose(), consoleStore.attach((bytes) => term.write(bytes)), fitOnResize(term, el), clearOnReset);
    term.focus();
  });

  onBeforeUnmount(() => {
    cleanups.splice(0).forEach((cleanup) => cleanup());
    terminal?.dispose();
  });

  return { focus: () => terminal?.focus() };
}

/** Ctrl+Shift+C copies the selection; Ctrl+Shift+V is left to the browser's paste. False = xterm ignores the key. */
function clipboardKey(term: Terminal, event: KeyboardEvent): boolean {
  if (!event.ctrlKey || !event.shiftKey || event.type !== 'keydown') return true;
  if (event.code === 'KeyC') {
    if (term.hasSelection()) void navigator.clipboard.writeText(term.getSelection());
    return false;
  }
  return event.code !== 'KeyV';
}

/** Resizes `term` to fill `el` now and whenever `el` changes size; returns the stop function. */
function fitOnResize(term: Terminal, el: HTMLElement): () => void {
  const fit = (): void => {
    const cell = measureCell(el, FONT_FAMILY, FONT_SIZE, LINE_HEIGHT);
    const { cols, rows } = fitCells(el.clientWidth - 4, el.clientHeight - 4, cell);
    if (cols !== term.cols || rows !== term.rows) term.resize(cols, rows);
  };
  const observer = new ResizeObserver(fit);
  observer.observe(el);
  fit();
  return () => observer.disconnect();
}
