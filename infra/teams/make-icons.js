// Draws the app package's two icons: color.png (192x192, a white shield with an exclamation mark on the accent
// colour) and outline.png (32x32, the same mark as a white outline on a transparent background, as Teams asks).
// Usage: node make-icons.js [DIR]   (DIR defaults to this folder). Plain Node: zlib for the PNG data, no packages,
// so the icons can be remade on any machine; the output is the same byte for byte each time.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ACCENT = [0xb4, 0x26, 0x2d]; // the manifest's accentColor, #B4262D
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4; // 4x4 samples a pixel: smooth edges

// The mark in a unit square: a shield (straight sides, then curving in to a point) and an exclamation mark.
const shieldHalfWidth = y => {
  if (y < 0.04 || y > 0.98) return -1;
  const t = Math.max(0, (y - 0.42) / 0.56);
  return 0.4 * (1 - t) ** 0.6 * (1 + 0.6 * t);
};
const inShield = (x, y, inset = 0) => {
  const top = 0.04 + inset;
  const half = shieldHalfWidth(inset === 0 ? y : y + inset * 0.6) - inset;
  return y >= top && Math.abs(x - 0.5) <= half;
};
const inExclamation = (x, y) =>
  (Math.abs(x - 0.5) <= 0.065 && y >= 0.2 && y <= 0.6) || (x - 0.5) ** 2 + (y - 0.74) ** 2 <= 0.075 ** 2;

/** Renders size x size RGBA pixels; paint(x, y) gives [r, g, b, a] (a in 0..1) at a point of the unit square. */
function render(size, paint) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          sum[0] += r * a; sum[1] += g * a; sum[2] += b * a; sum[3] += a;
        }
      }
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = sum[3] > 0 ? Math.round(sum[c] / sum[3]) : 255;
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

/** The mark in a box of `box` (a fraction of the icon) centred in it: coordinates of the icon to the mark's. */
const centred = (box, f) => (x, y) => f((x - (1 - box) / 2) / box, (y - (1 - box) / 2) / box);

// Full bleed accent background; the shield white, the exclamation mark in the accent colour.
const color = centred(0.6, (x, y) =>
  inShield(x, y) && !inExclamation(x, y) ? [...WHITE, 1] : [...ACCENT, 1]);

// White only: the shield's border and the exclamation mark; everything else fully transparent (white, alpha 0).
const outline = centred(0.9, (x, y) =>
  (inShield(x, y) && !inShield(x, y, 0.1)) || inExclamation(x, y) ? [...WHITE, 1] : [...WHITE, 0]);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = bytes => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of RGBA pixels: 8 bits a channel, colour type 6, no filter on any row. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = process.argv[2] || __dirname;
fs.writeFileSync(path.join(dir, 'color.png'), png(192, render(192, color)));
fs.writeFileSync(path.join(dir, 'outline.png'), png(32, render(32, outline)));
console.log(`Wrote color.png (192x192) and outline.png (32x32) to ${dir}`);
