// Unit tests of instruction assembly: operand syntax, encodings of base and
// compressed forms, .option rvc/norvc, pseudo-instructions, and `li` checked by
// executing its sequence (decoded with the ISA decoder) for many constants.

import { describe, expect, it } from 'vitest';
import { decode } from '../../../../emulator/toolchain/isa/decode.ts';
import { asmOk, section, words } from './asm-helpers.ts';

const norvc = { rvc: false };

/** Runs a straight-line lui/auipc-free integer sequence on register `rd` and returns its 64-bit value. */
function runLi(code: Uint8Array): bigint {
  const x = new Array<bigint>(32).fill(0n);
  const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);
  for (let i = 0; i < code.length;) {
    const w = code[i]! | (code[i + 1]! << 8) | (code[i + 2]! << 16) | (code[i + 3]! << 24);
    const d = decode(w >>> 0)!;
    const [rd, a, b] = d.operands;
    const rs = (r: number | undefined): bigint => x[r!]!;
    switch (d.def.name) {
      case 'lui': x[rd!] = s64(BigInt.asIntN(32, BigInt(a!) << 12n)); break;
      case 'addi': x[rd!] = s64(rs(a) + BigInt(b!)); break;
      case 'addiw': x[rd!] = BigInt.asIntN(32, rs(a) + BigInt(b!)); break;
      case 'slli': x[rd!] = s64(rs(a) << BigInt(b!)); break;
      default: throw new Error(`unexpected ${d.def.name} in li`);
    }
    x[0] = 0n;
    i += d.size;
  }
  return x[10]!;
}

describe('instruction encoding', () => {
  it('encodes each format (R, I, S, B, U, J, R4, CSR, AMO, fence)', () => {
    expect(words(`
      add a0, a1, a2
      addi a0, a1, -5
      sd a0, -8(sp)
      lw a0, 12(a1)
      lui a0, 0x12345
      fmadd.d fa0, fa1, fa2, fa3
      csrrw a0, mstatus, a1
      csrrwi a0, 0x340, 5
      amoadd.w.aqrl a0, a1, (a2)
      fence rw, w
    `, norvc).map((w) => w.toString(16))).toEqual([
      'c58533', 'ffb58513', 'fea13c23', 'c5a503', '12345537', '6ac5f543', '30059573', '3402d573', '6b6252f', '310000f',
    ]);
  });

  it('resolves branch and jump targets to labels in the same section', () => {
    expect(words('1: beq a0, a1, 2f\n nop\n2: jal ra, 1b\n bne a0, zero, 2b', norvc).map((w) => w.toString(16)))
      .toEqual(['b50463', '13', 'ff9ff0ef', 'fe051ee3']);
  });

  it('picks compressed forms with rvc (default) and not with .option norvc', () => {
    expect(words('addi a0, a0, 1\nmv a0, a1\nld ra, 8(sp)\nli a0, 5\nret')).toEqual([0x0505, 0x852e, 0x60a2, 0x4515, 0x8082]);
    expect(words('.option norvc\naddi a0, a0, 1\n.option rvc\naddi a0, a0, 1')).toEqual([0x00150513, 0x0505]);
    expect(words('.option push\n.option norvc\nnop\n.option pop\nnop')).toEqual([0x13, 0x0001]);
  });

  it('takes RVC from an ISA string', () => {
    expect(words('addi a0, a0, 1', { march: 'rv64gc' })).toEqual([0x0505]);
    expect(words('addi a0, a0, 1', { march: 'rv64imafd' })).toEqual([0x00150513]);
  });

  it('follows .attribute arch and .option arch, +c/-c like GNU as', () => {
    expect(words('.attribute arch, "rv64i2p1_m2p0_a2p1_f2p2_d2p2"\naddi a0, a0, 1')).toEqual([0x00150513]);
    expect(words('.attribute arch, "rv64i2p1_m2p0_c2p0"\naddi a0, a0, 1', norvc)).toEqual([0x0505]);
    expect(words('.option arch, -c\naddi a0, a0, 1\n.option arch, +c\naddi a0, a0, 1')).toEqual([0x00150513, 0x0505]);
    expect(asmOk('.attribute arch, "rv64imafd"\nnop').flags).toBe(0x4);
  });

  it('accepts explicit c.* mnemonics', () => {
    expect(words('c.addi a0, 1\nc.lwsp a0, 4(sp)\nc.j 1f\n1: c.nop')).toEqual([0x0505, 0x4512, 0xa009, 0x0001]);
  });

  it('takes an optional rounding mode, defaulting to dyn', () => {
    expect(words('fadd.d fa0, fa1, fa2\nfadd.d fa0, fa1, fa2, rtz', norvc)).toEqual([0x02c5f553, 0x02c59553]);
  });

  it('marks the object RVC in e_flags only when compressed code can appear', () => {
    expect(asmOk('nop').flags).toBe(0x5);
    expect(asmOk('nop', norvc).flags).toBe(0x4);
  });
});

describe('pseudo-instructions', () => {
  const cases: [string, number[]][] = [
    ['nop', [0x13]], ['mv a0, a1', [0x58513]], ['not a0, a1', [0xfff5c513]], ['neg a0, a1', [0x40b00533]],
    ['negw a0, a1', [0x40b0053b]], ['sext.w a0, a1', [0x5851b]], ['seqz a0, a1', [0x15b513]], ['snez a0, a1', [0xb03533]],
    ['sltz a0, a1', [0x5a533]], ['sgtz a0, a1', [0xb02533]], ['jr a0', [0x50067]], ['jalr a0', [0x500e7]], ['ret', [0x8067]],
    ['fmv.d fa0, fa1', [0x22b58553]], ['fneg.s fa0, fa1', [0x20b59553]], ['fabs.d fa0, fa1', [0x22b5a553]],
    ['csrr a0, mstatus', [0x30002573]], ['csrw mtvec, a0', [0x30551073]], ['csrs mie, a0', [0x30452073]],
    ['csrc mie, a0', [0x30453073]], ['csrwi mscratch, 3', [0x3401d073]], ['csrsi mstatus, 8', [0x30046073]],
    ['csrci mstatus, 8', [0x30047073]], ['rdcycle a0', [0xc0002573]], ['rdtime a0', [0xc0102573]], ['rdinstret a0', [0xc0202573]],
    ['frcsr a0', [0x302573]], ['fscsr a1', [0x359073]], ['frrm a0', [0x202573]], ['fsrm a1', [0x259073]],
    ['frflags a0', [0x102573]], ['fsflags a1', [0x159073]], ['fence', [0x0ff0000f]], ['sfence.vma', [0x12000073]],
    ['1: beqz a0, 1b', [0x00050063]], ['1: bgt a0, a1, 1b', [0x00a5c063]], ['1: bleu a0, a1, 1b', [0x00a5f063]],
    ['1: j 1b', [0x0000006f]], ['1: jal 1b', [0x000000ef]],
  ];
  for (const [src, expected] of cases) {
    it(`${src}`, () => expect(words(src, norvc)).toEqual(expected));
  }

  it('li gives the GNU as sequences for small, 32-bit and 64-bit constants', () => {
    expect(words('li a0, 5', norvc)).toEqual([0x00500513]);
    expect(words('li a0, 0x12345678', norvc)).toEqual([0x12345537, 0x6785051b]);
    expect(words('li a0, 0x1000', norvc)).toEqual([0x00001537]);
    expect(words('li a0, 0x80000000', norvc)).toEqual([0x0010051b, 0x01f51513]);
  });

  it('li computes the right value for 500 constants (executed on a tiny interpreter)', () => {
    let seed = 12345n;
    const next = (): bigint => {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
      return seed;
    };
    const values = [0n, -1n, 1n << 63n, (1n << 63n) - 1n, 0x800n, -0x800n, 0x7ffff800n, 0xffffffffn];
    for (let i = 0; i < 492; i++) values.push(BigInt.asIntN(64, next() >> (next() % 64n)));
    const src = values.map((v) => `li a0, ${v}\n.balign 4096`).join('\n');
    const text = section(asmOk(src, norvc), '.text').bytes;
    values.forEach((v, i) => {
      const chunk = text.subarray(i * 4096, (i + 1) * 4096);
      let end = chunk.length;
      while (end >= 4 && chunk[end - 1] === 0 && chunk[end - 2] === 0 && chunk[end - 3] === 0 && chunk[end - 4] === 0x13) end -= 4;
      expect(runLi(chunk.subarray(0, end))).toBe(BigInt.asIntN(64, v));
    });
  });

  it('la/lla emit auipc+addi with PCREL_HI20/PCREL_LO12_I against an anchor label', () => {
    const obj = asmOk('la a0, target\nnop\ntarget: nop');
    const text = section(obj, '.text');
    expect(text.relocations.map((r) => [r.offset, r.type, obj.symbols[r.symbol]!.name])).toEqual([
      [0, 23, 'target'], [4, 24, '.Lpcrel_hi0'],
    ]);
    expect(obj.symbols.find((s) => s.name === '.Lpcrel_hi0')).toMatchObject({ value: 0n, binding: 'local' });
  });

  it('call and tail emit auipc+jalr with one R_RISCV_CALL_PLT and keep jalr 32-bit', () => {
    const obj = asmOk('call f\ntail f');
    const text = section(obj, '.text');
    expect(text.size).toBe(16);
    expect(text.relocations.map((r) => [r.offset, r.type])).toEqual([[0, 19], [8, 19]]);
    expect(obj.symbols.find((s) => s.name === 'f')).toMatchObject({ section: 'undef', binding: 'global' });
  });

  it('%hi/%lo give HI20, LO12_I and LO12_S relocations, constants fold', () => {
    const obj = asmOk('lui a0, %hi(x)\naddi a0, a0, %lo(x)\nsw a1, %lo(x+4)(a0)\nlui a1, %hi(0x12345fff)\naddi a1, a1, %lo(0x12345fff)', norvc);
    const text = section(obj, '.text');
    expect(text.relocations.map((r) => [r.offset, r.type, r.addend])).toEqual([[0, 26, 0n], [4, 27, 0n], [8, 28, 4n]]);
    expect(words('lui a1, %hi(0x12345fff)\naddi a1, a1, %lo(0x12345fff)')).toEqual([0x123465b7, 0xfff58593]);
  });

  it('explicit c.j/c.beqz to another section get RVC_JUMP/RVC_BRANCH; branches to weak symbols stay relocations', () => {
    const obj = asmOk('c.j away\nc.beqz a0, away\n.weak w\nw: j w');
    expect(section(obj, '.text').relocations.map((r) => [r.offset, r.type])).toEqual([[0, 45], [2, 44], [4, 17]]);
  });

  it('a conditional branch to an undefined symbol becomes an inverted branch over jal with R_RISCV_JAL', () => {
    const obj = asmOk('beq a0, a1, away', norvc);
    const text = section(obj, '.text');
    expect(words('beq a0, a1, away', norvc)).toEqual([0x00b51463, 0x0000006f]);
    expect(text.relocations.map((r) => [r.offset, r.type])).toEqual([[4, 17]]);
  });
});
