// Draws the two Teams icons as PNGs with nothing but zlib: color.png (192×192, full colour) and
// outline.png (32×32, white on transparent, as Teams requires). Run: node manifests/teams/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** pixel(x, y) -> [r, g, b, a]; sampled 4×4 per pixel for smooth edges. */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const p = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          for (let i = 0; i < 3; i++) acc[i] += p[i] * p[3];
          acc[3] += p[3];
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / 16;
      for (let i = 0; i < 3; i++) raw[o + i] = a ? Math.round(acc[i] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// The mark: a signpost ring with a pointer — "which way / which tool". u, v in 0..1.
function mark(u, v) {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const r = Math.hypot(dx, dy);
  const ring = r > 0.27 && r < 0.36;
  const dot = r < 0.09;
  // A pointer from the centre to the upper right, like a compass needle.
  const t = (dx - dy) / Math.SQRT2;
  const s = (dx + dy) / Math.SQRT2;
  const needle = t > 0 && t < 0.25 && Math.abs(s) < 0.05 * (1 - t / 0.25) + 0.01;
  return ring || dot || needle;
}

const WHITE = [255, 255, 255, 255];
const ACCENT = [79, 107, 237, 255];
const CLEAR = [0, 0, 0, 0];

const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'color.png'), png(192, (u, v) => (mark(u, v) ? WHITE : ACCENT)));
writeFileSync(join(here, 'outline.png'), png(32, (u, v) => (mark(u, v) ? WHITE : CLEAR)));
