// Builds small TNEF (winmail.dat) files for tests: MS-OXTNEF attribute framing.

function attribute(level: 1 | 2, id: number, data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head[0] = level;
  head.writeUInt32LE(id, 1);
  head.writeUInt32LE(data.length, 5);
  const checksum = Buffer.alloc(2);
  checksum.writeUInt16LE(data.reduce((sum, byte) => (sum + byte) & 0xffff, 0));
  return Buffer.concat([head, data, checksum]);
}

const ATT_TNEF_VERSION = 0x00089006;
const ATT_ATTACH_REND_DATA = 0x00069002;
const ATT_ATTACH_TITLE = 0x00018010;
const ATT_ATTACH_DATA = 0x0006800f;

/** A winmail.dat holding `files` (name → bytes). `lengthLie` corrupts the last length field. */
export function buildTnef(files: Record<string, Buffer>, options: { lengthLie?: number } = {}) {
  const start = Buffer.alloc(6);
  start.writeUInt32LE(0x223e9f78, 0);
  start.writeUInt16LE(0x0001, 4);
  const parts = [start, attribute(1, ATT_TNEF_VERSION, Buffer.from([0, 0, 1, 0]))];
  for (const [name, content] of Object.entries(files)) {
    parts.push(attribute(2, ATT_ATTACH_REND_DATA, Buffer.alloc(14)));
    parts.push(attribute(2, ATT_ATTACH_TITLE, Buffer.from(`${name}\0`, "latin1")));
    parts.push(attribute(2, ATT_ATTACH_DATA, content));
  }
  const tnef = Buffer.concat(parts);
  if (options.lengthLie)
    tnef.writeUInt32LE(
      options.lengthLie,
      tnef.length - 2 - 4 - (Object.values(files).at(-1)?.length ?? 0),
    );
  return tnef;
}
