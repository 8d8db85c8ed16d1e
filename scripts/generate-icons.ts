// Draws the desk's icon (a white ticket on a blue rounded square) and writes
// app/icon.svg, app/apple-icon.png and app/favicon.ico. No image library and
// no download: shapes are sampled 4×4 per pixel and written as PNG with zlib.
// Run it again after changing the shapes: `npx tsx scripts/generate-icons.ts`.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BLUE = [37, 99, 235]; // Tailwind blue-600, the portal's accent
const WHITE = [255, 255, 255];

/** Shapes on a 0..32 canvas: 0 outside, 1 blue tile, 2 white ticket. */
function shapeAt(x: number, y: number): 0 | 1 | 2 {
  const inRounded = (x0: number, y0: number, x1: number, y1: number, r: number) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  if (!inRounded(0, 0, 32, 32, 7)) return 0;
  const onTicket = inRounded(6, 9, 26, 23, 2);
  const inNotch = (x - 6) ** 2 + (y - 16) ** 2 < 9 || (x - 26) ** 2 + (y - 16) ** 2 < 9;
  const perforation = x > 19.3 && x < 20.7 && Math.floor(y) % 3 !== 0;
  return onTicket && !inNotch && !perforation ? 2 : 1;
}

function render(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let blue = 0;
      let white = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const hit = shapeAt(
            ((px + (sx + 0.5) / 4) * 32) / size,
            ((py + (sy + 0.5) / 4) * 32) / size,
          );
          if (hit === 1) blue++;
          if (hit === 2) white++;
        }
      const cover = blue + white;
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c++)
        row[o + c] = cover ? Math.round((BLUE[c] * blue + WHITE[c] * white) / cover) : 0;
      row[o + 3] = Math.round((cover / 16) * 255);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (supported by every current browser). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const head = Buffer.alloc(6 + images.length * 16);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + i * 16;
    head[e] = size % 256;
    head[e + 1] = size % 256;
    head.writeUInt16LE(1, e + 4);
    head.writeUInt16LE(32, e + 6);
    head.writeUInt32LE(data.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((image) => image.data)]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="7" fill="rgb(${BLUE.join(",")})"/>
  <path fill="#fff" fill-rule="evenodd" d="M8 9h16a2 2 0 0 1 2 2v2a3 3 0 0 0 0 6v2a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2v-2a3 3 0 0 0 0-6v-2a2 2 0 0 1 2-2Z"/>
  <path stroke="rgb(${BLUE.join(",")})" stroke-width="1.4" stroke-dasharray="2 1" d="M20 9v14"/>
</svg>
`;

const app = path.resolve(__dirname, "../app");
fs.writeFileSync(path.join(app, "icon.svg"), svg);
fs.writeFileSync(path.join(app, "apple-icon.png"), render(180));
fs.writeFileSync(
  path.join(app, "favicon.ico"),
  ico([16, 32, 48].map((size) => ({ size, data: render(size) }))),
);
console.log("wrote app/icon.svg, app/apple-icon.png, app/favicon.ico");
