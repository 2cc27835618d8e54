// Draws the extension icon, images/icon.png (128×128 RGBA), with Node built-ins only: shapes as
// signed distance functions, 4×4 supersampling for anti-aliasing, PNG written with node:zlib.
// A navy rounded square, a page with three lines of text, and a green check badge.
//
//   node scripts/generate-icon.mjs            # writes images/icon.png
//   node scripts/generate-icon.mjs --check    # exits 1 if images/icon.png differs
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'images', 'icon.png');
const SIZE = 128;
const SAMPLES = 4;

// ── shapes (distance < 0 inside) ──────────────────────────────────────────────────────────────
const roundedRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, ax, ay, bx, by, r) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - r;
};

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

const NAVY_TOP = hex('#2b3f6b');
const NAVY_BOTTOM = hex('#172036');
const PAGE = hex('#f4f1ea');
const LINE = hex('#8a94a8');
const LINE_STRONG = hex('#2b3f6b');
const GREEN = hex('#2fa36b');
const WHITE = hex('#ffffff');

/** Colour (RGBA 0–255) at a point, layers painted back to front. */
function shade(x, y) {
  let color = [0, 0, 0];
  let alpha = 0;
  const paint = (inside, rgb) => {
    if (!inside) return;
    color = rgb;
    alpha = 255;
  };
  // Background tile.
  paint(roundedRect(x, y, 64, 64, 60, 60, 22) < 0, mix(NAVY_TOP, NAVY_BOTTOM, y / SIZE));
  // Page with a folded corner.
  const page = roundedRect(x, y, 58, 62, 30, 38, 5);
  const fold = (x - 72) + (30 - y) > 0; // top-right corner cut
  paint(page < 0 && !fold, PAGE);
  paint(page < 0 && fold && x < 88 && y > 24 && (x - 72) + (30 - y) < 14, mix(PAGE, LINE, 0.45));
  // Heading bar and three lines of text.
  paint(segment(x, y, 38, 42, 62, 42, 3.2) < 0, LINE_STRONG);
  paint(segment(x, y, 38, 55, 76, 55, 2.4) < 0, LINE);
  paint(segment(x, y, 38, 66, 72, 66, 2.4) < 0, LINE);
  paint(segment(x, y, 38, 77, 60, 77, 2.4) < 0, LINE);
  // Check badge.
  paint(circle(x, y, 88, 90, 21) < 0, WHITE);
  paint(circle(x, y, 88, 90, 17.5) < 0, GREEN);
  paint(Math.min(segment(x, y, 79, 90, 85.5, 96.5, 3), segment(x, y, 85.5, 96.5, 98, 83, 3)) < 0, WHITE);
  return [...color, alpha];
}

function render() {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          sum[0] += r * a; sum[1] += g * a; sum[2] += b * a; sum[3] += a;
        }
      }
      const i = (py * SIZE + px) * 4;
      const n = SAMPLES * SAMPLES;
      const alpha = sum[3] / n;
      pixels[i] = alpha ? Math.round(sum[0] / sum[3]) : 0;
      pixels[i + 1] = alpha ? Math.round(sum[1] / sum[3]) : 0;
      pixels[i + 2] = alpha ? Math.round(sum[2] / sum[3]) : 0;
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

// ── PNG encoding ───────────────────────────────────────────────────────────────────────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const image = png(render());
if (process.argv.includes('--check')) {
  const current = fs.existsSync(out) ? fs.readFileSync(out) : null;
  if (!current || !current.equals(image)) {
    console.error('images/icon.png is out of date: run node scripts/generate-icon.mjs');
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, image);
  console.log(`wrote ${path.relative(root, out)} (${image.length} bytes)`);
}
