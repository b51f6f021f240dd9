// Draws the add-in's icons (a 2x2 portfolio matrix with one highlighted quadrant) as PNGs in assets/, with no image
// library: a PNG is a zlib-compressed RGBA raster in three chunks. Run once after changing the design:
//   node scripts/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const quadrant = [
  [0x0f, 0x6c, 0xbd, 255], // top-left: strategic (brand blue)
  [0x5b, 0xa3, 0xdc, 255], // top-right
  [0xa6, 0xc8, 0xe8, 255], // bottom-left
  [0xd6, 0xe6, 0xf4, 255], // bottom-right
];
for (const size of [16, 32, 64, 80]) {
  const gap = Math.max(1, Math.round(size / 16));
  const half = size / 2;
  const image = png(size, (x, y) => {
    if (Math.abs(x + 0.5 - half) < gap / 2 + 0.01 || Math.abs(y + 0.5 - half) < gap / 2 + 0.01) return [0, 0, 0, 0];
    return quadrant[(y < half ? 0 : 2) + (x < half ? 0 : 1)];
  });
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), image);
}
console.log("assets/icon-{16,32,64,80}.png written");
