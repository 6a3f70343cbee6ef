// The macro-replacement examples of C11 6.10.3.3-6.10.3.5 (EXAMPLE 3, 4, 5, 6, 7
// and the hash_hash example) with the results the standard gives.

import { describe, expect, it } from 'vitest';
import { messages, ppSpellings, run, spellings } from './pp-helpers.ts';

const EX3 = `#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
`;

describe('C11 6.10.3.5 examples', () => {
  it('EXAMPLE 3: redefinition, rescanning and hide sets', () => {
    expect(ppSpellings(EX3)).toEqual(
      spellings(`f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };`),
    );
  });

  it('EXAMPLE 4: # and ## and #include with a macro', () => {
    const src = `#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\\0d", "abc", '\\4') // this goes away
 == 0) str(: @\\n), s);
#include xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)
`;
    const r = run(src, { 'vers2.h': 'included_vers2\n' });
    expect(r.diagnostics).toEqual([]);
    expect(r.tokens.filter((t) => t.kind !== 'eof').map((t) => t.text)).toEqual(
      spellings(`printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\\"abc\\\\0d\\", \\"abc\\", '\\\\4') == 0" ": @\\n", s);
included_vers2
"hello";
"hello" ", world"`),
    );
  });

  it('EXAMPLE 5: placemarkers for empty arguments of ##', () => {
    const src = `#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };
`;
    expect(ppSpellings(src)).toEqual(spellings('int j[] = { 123, 45, 67, 89, 10, 11, 12, };'));
  });

  it('EXAMPLE 6: valid and invalid redefinitions', () => {
    const valid = `#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \\
 a /* other stuff on this line
 */ )
`;
    expect(messages(valid)).toEqual([]);
    const invalid = ['#define OBJ_LIKE (0)', '#define OBJ_LIKE (1 - 1)', '#define FUNC_LIKE(b) ( a )', '#define FUNC_LIKE(b) ( b )'];
    for (const line of invalid) {
      const msgs = messages(`${valid}${line}\n`);
      expect(msgs, line).toHaveLength(1);
      expect(msgs[0]).toMatch(/^warning: "(OBJ|FUNC)_LIKE" redefined/);
    }
  });

  it('EXAMPLE 7: variable arguments', () => {
    const src = `#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\\
 printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);
`;
    expect(ppSpellings(src)).toEqual(
      spellings(`fprintf(stderr, "Flag" );
fprintf(stderr, "X = %d\\n", x );
puts( "The first, second, and third items." );
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));`),
    );
  });

  it('6.10.3.3 EXAMPLE: hash_hash makes a ## token that is not an operator', () => {
    const src = `#define hash_hash # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c hash_hash d)
char p[] = join(x, y);
`;
    expect(ppSpellings(src)).toEqual(['char', 'p', '[', ']', '=', '"x ## y"', ';']);
  });

  it('6.10.3.4 EXAMPLE: f(2)(9) rescans into 2*9*g', () => {
    expect(ppSpellings('#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)\n')).toEqual(spellings('2*9*g'));
  });
});
