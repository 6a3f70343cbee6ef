// Writes the app icon (build/icon.svg and build/icon.png, 512x512) from one
// list of rectangles: a chip on a dark rounded square. electron-builder takes
// icon.png for Linux and converts it for Windows and macOS. Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const PINS = [176, 224, 272, 320].flatMap((at) => [
  [at, 104, 16, 40], [at, 368, 16, 40], [104, at, 40, 16], [368, at, 40, 16],
]);
/** [x, y, width, height, corner radius, colour], painted in order. */
const SHAPES = [
  [0, 0, SIZE, SIZE, 96, '#1e2a44'],
  ...PINS.map(([x, y, w, h]) => [x, y, w, h, 4, '#cfd8e3']),
  [144, 144, 224, 224, 24, '#4fb3a9'],
  [208, 208, 96, 96, 12, '#1e2a44'],
];

function svg() {
  const rects = SHAPES.map(([x, y, w, h, r, c]) => `  <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${r}" fill="${c}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">\n${rects.join('\n')}\n</svg>\n`;
}

function inside([x, y, w, h, r], px, py) {
  if (px < x || py < y || px >= x + w || py >= y + h) return false;
  const dx = Math.max(x + r - px, 0, px - (x + w - r));
  const dy = Math.max(y + r - py, 0, py - (y + h - r));
  return dx * dx + dy * dy <= r * r;
}

function pixelColour(px, py) {
  let colour;
  for (const shape of SHAPES) if (inside(shape, px + 0.5, py + 0.5)) colour = shape[5];
  if (colour === undefined) return [0, 0, 0, 0];
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)).concat(255);
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png() {
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) raw.set(pixelColour(x, y), y * (1 + SIZE * 4) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const dir = new URL('.', import.meta.url);
writeFileSync(new URL('icon.svg', dir), svg());
writeFileSync(new URL('icon.png', dir), png());
