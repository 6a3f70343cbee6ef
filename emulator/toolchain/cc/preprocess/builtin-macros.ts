// Built-in macros computed at each use: __FILE__, __LINE__ (presumed, after
// #line), __DATE__ and __TIME__ (fixed by options, for reproducible builds),
// __COUNTER__, __INCLUDE_LEVEL__, __BASE_FILE__, and __has_include for #ifdef.

import { newToken, type PPToken } from './pp-token.ts';
import type { Preprocessor } from './preprocessor.ts';
import { diagnosticLocation } from './token.ts';

function quote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}

function tok(at: PPToken, kind: 'number' | 'string', text: string): PPToken {
  return newToken(kind, text, at.loc, false, false, kind === 'string' ? '' : undefined);
}

/** Defines the built-in macros in `pp`'s table. */
export function defineBuiltins(pp: Preprocessor): void {
  const def = (name: string, expand: (at: PPToken) => PPToken[]): void => {
    pp.macros.define({ name, kind: 'builtin', params: [], variadic: false, body: [], expand });
  };
  def('__FILE__', (at) => [tok(at, 'string', quote(pp.presumedFile()))]);
  def('__BASE_FILE__', (at) => [tok(at, 'string', quote(pp.baseFile()))]);
  def('__LINE__', (at) => [tok(at, 'number', String(pp.presumedLine(diagnosticLocation(at).line)))]);
  def('__COUNTER__', (at) => [tok(at, 'number', String(pp.nextCounter()))]);
  def('__INCLUDE_LEVEL__', (at) => [tok(at, 'number', String(pp.includeLevel()))]);
  def('__DATE__', (at) => [tok(at, 'string', quote(pp.dateTime.date))]);
  def('__TIME__', (at) => [tok(at, 'string', quote(pp.dateTime.time))]);
  // Defined so `#ifdef __has_include` works; inside #if the expander treats it as an operator.
  def('__has_include', (at) => {
    pp.diags.error(diagnosticLocation(at), '"__has_include" used outside of preprocessing directive');
    return [];
  });
}
