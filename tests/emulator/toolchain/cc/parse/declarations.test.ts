// Declarations of the C front end: declarators (pointers, arrays, functions,
// nesting), specifier combinations, typedef scoping, tags, storage classes,
// redeclarations, attributes kept on objects, _Generic and K&R-free prototypes.

import { describe, expect, it } from 'vitest';
import { typeName } from '../../../../../emulator/toolchain/cc/types.ts';
import { diags, fn, global, ok, returned, show } from './front-helpers.ts';

function typeOfGlobal(src: string, name: string): string {
  const r = ok(src);
  const o = r.unit.globals.find((g) => g.name === name) ?? r.unit.externFunctions.find((g) => g.name === name) ?? r.unit.functions.find((f) => f.obj.name === name)?.obj;
  if (!o) throw new Error(`no ${name}`);
  return typeName(o.type);
}

describe('declarators', () => {
  it.each([
    ['int *p;', 'p', 'int *'],
    ['int **const pp = 0;', 'pp', 'int ** const'],
    ['int a[2][3];', 'a', 'int[2][3]'],
    ['int (*pa)[3];', 'pa', 'int (*)[3]'],
    ['int *ap[3];', 'ap', 'int *[3]'],
    ['int (*fpa[3])(char *);', 'fpa', 'int (*[3])(char *)'],
    ['char *(*(*x)(void))[5];', 'x', 'char *(*(*)(void))[5]'],
    ['void (*signal(int sig, void (*func)(int)))(int);', 'signal', 'void (*(int, void (*)(int)))(int)'],
    ['int f(char *argv[], int a[static 4], void fn(void));', 'f', 'int (char **, int *, void (*)(void))'],
    ['int v(const char *, ...);', 'v', 'int (const char *, ...)'],
    ['int old();', 'old', 'int ()'],
    ['unsigned short int usi;', 'usi', 'unsigned short'],
    ['long unsigned lu;', 'lu', 'unsigned long'],
    ['long int long lli;', 'lli', 'long long'],
    ['signed char sc;', 'sc', 'signed char'],
    ['unsigned char uc;', 'uc', 'unsigned char'],
    ['long double ld;', 'ld', 'long double'],
    ['int ((((((((((((((((((((((((((((((deep))))))))))))))))))))))))))))));', 'deep', 'int'],
  ])('%s', (src, name, type) => {
    expect(typeOfGlobal(src, name)).toBe(type);
  });

  it('typedefs of arrays and qualified typedefs', () => {
    expect(global(ok('typedef int A[3]; A m[2];'), 'm').type.size).toBe(24);
    expect(global(ok('typedef const int CI; CI ci = 3;'), 'ci').type.isConst).toBe(true);
    expect(global(ok('typedef struct node node_t; struct node { node_t *next; int v; }; node_t n;'), 'n').type.size).toBe(16);
  });

  it('a typedef name can be shadowed by an object in an inner scope', () => {
    expect(diags('typedef int T; int f(void) { int T = 3; return T * 2; }')).toEqual([]);
    expect(diags('typedef int T; int f(T T) { return T; }')).toEqual([]);
    expect(diags('typedef int T; int g(void) { { int T = 1; (void)T; } T x = 2; return x; }')).toEqual([]);
  });

  it('inner struct tags shadow outer ones', () => {
    expect(show(returned('struct s { int a; }; int f(void) { struct s { char c[9]; } v; return sizeof v; }'))).toBe('9:int');
  });

  it('tentative definitions, extern then definition, incomplete arrays completed later', () => {
    expect(diags('int x; int x; extern int x; int x = 3;')).toEqual([]);
    const r = ok('extern int arr[]; int arr[4] = { 1 };');
    expect(global(r, 'arr').type.size).toBe(16);
    expect(global(r, 'arr').isExtern).toBe(false);
    expect(global(ok('extern int e;'), 'e').isExtern).toBe(true);
  });

  it('static at file scope gives internal linkage; block-scope extern refers to the global', () => {
    const r = ok('static int s = 1; int f(void) { extern int g; return g + s; } int g = 2;');
    expect(global(r, 's').isStatic).toBe(true);
    expect(r.unit.globals.filter((o) => o.name === 'g')).toHaveLength(1);
  });

  it('a prototype then an old-style declaration keeps the prototype', () => {
    const r = ok('int h(int, long); int h(); int f(void) { return h(1, 2); }');
    expect(show(returned('int h(int, long); int h(); int f(void) { return h(1, 2); }'))).toBe('call(&h, 1:int, (long)2:int):int'.replace('(long)2:int', '2:long'));
    expect(r.unit.externFunctions.map((o) => o.name)).toEqual(['h']);
  });
});

describe('declaration errors', () => {
  it.each([
    ['int x; long x;', "1:13: conflicting types for 'x'; have 'long'"],
    ['int f(int); int f(long);', "1:17: conflicting types for 'f'; have 'int (long)'"],
    ['int f(void) { return 0; } int f(void) { return 1; }', "1:31: redefinition of 'f'"],
    ['struct s { int a; }; struct s { int b; };', "1:29: redefinition of 'struct s'"],
    ['struct s; union s *p;', "1:17: 's' defined as wrong kind of tag"],
    ['typedef int T; typedef long T;', "1:29: 'T' redeclared as different kind of symbol"],
    ['int x; typedef int x;', "1:20: 'x' redeclared as different kind of symbol"],
    ['void v;', "1:6: variable 'v' declared void"],
    ['int a[2](void);', '1:6: declaration of an array of functions'],
    ['int f(void)(void);', '1:6: function returning a function'],
    ['struct s { int f(void); };', "1:16: field 'f' declared as a function"],
    ['struct s { struct s inner; };', "1:21: field 'inner' has incomplete type"],
    ['struct b { int x : 33; };', "1:16: width of 'x' exceeds its type"],
    ['struct b { float x : 3; };', "1:18: bit-field 'x' has invalid type"],
    ['unsigned signed x;', "1:1: both 'signed' and 'unsigned' in declaration specifiers"],
    ['long char x;', '1:1: invalid combination of type specifiers'],
    ['int int x;', '1:1: invalid combination of type specifiers'],
    ['struct s { int a; } int x;', '1:21: two or more data types in declaration specifiers'],
    ['int f(x) int x; { return x; }', "1:7: unknown type name 'x'"],
    ['static int f(void); void g(void) { static int f(void); }', "1:47: invalid storage class for function 'f'"],
    ['_Thread_local int t;', '1:1: thread-local storage is not supported'],
    ['int _Complex c;', '1:5: _Complex is not supported'],
    ['int f(void) { extern int e = 1; return e; }', "1:26: 'e' has both 'extern' and initializer"],
  ])('%s', (src, expected) => {
    expect(diags(src)[0]).toBe(expected);
  });
});

describe('attributes and specifiers kept for the back end', () => {
  it('noreturn, aligned, section, used; _Noreturn and inline', () => {
    const r = ok('__attribute__((noreturn)) void die(void); _Noreturn void quit(void);\n' +
      'int buf[4] __attribute__((aligned(64), section(".mydata"), used));\n_Alignas(32) char c;\nstatic inline int sq(int x) { return x * x; }');
    expect(r.unit.externFunctions.find((o) => o.name === 'die')?.isNoreturn).toBe(true);
    expect(r.unit.externFunctions.find((o) => o.name === 'quit')?.isNoreturn).toBe(true);
    expect(global(r, 'buf')).toMatchObject({ align: 64, section: '.mydata', isUsed: true });
    expect(global(r, 'c').align).toBe(32);
    expect(fn(r, 'sq').obj).toMatchObject({ isInline: true, isStatic: true });
  });
  it('__extension__ before declarations and expressions', () => {
    expect(diags('__extension__ typedef long long ll; int f(void) { __extension__ long long x = 1; return __extension__ ({ (int)x; }); }', true)).toEqual([]);
  });
  it('__attribute__ with unknown names and arguments is accepted and ignored', () => {
    expect(diags('int printf_like(const char *, ...) __attribute__((format(printf, 1, 2), nonnull(1)));')).toEqual([]);
  });
  it('_Generic selects by the controlling type', () => {
    expect(show(returned('int f(long l) { return _Generic(l, int: 1, long: 2, default: 3) + _Generic(1.0f, double: 10, default: 20); }'))).toBe('22:int');
    expect(diags('int f(void) { return _Generic(1, char: 1); }')).toEqual(["1:22: '_Generic' selector of type 'int' is not compatible with any association"]);
  });
  it('enum types and constants', () => {
    const r = ok('enum small { A = -1, B = 5 } s; enum big { C = 0xffffffff } b; enum neg { N = -3000000000 } n;');
    expect(global(r, 's').type.size).toBe(4);
    expect(global(r, 'b').type).toMatchObject({ size: 4, unsigned: true });
    expect(global(r, 'n').type.size).toBe(8);
  });
});
