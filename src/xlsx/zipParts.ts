import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32, createDeflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * The parts of an .xlsx package (a ZIP file), edited in place: parts nobody touches keep their compressed bytes, a
 * part set as text is deflated once with Node's zlib, and a part given as a sequence of text chunks (a sheet of a
 * million rows) is deflated chunk by chunk and never held whole as text.
 *
 * Written for what the report writer needs, against the ZIP format (PKWARE APPNOTE 6.3.x, sections 4.3 and 4.4):
 * stored or deflated entries, no encryption, no ZIP64. JSZip did this job before and deflated every part it wrote
 * again in JavaScript, which took a third of `kam report` on 100,000 accounts; zlib's deflate is native.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/**
 * Bit 3: sizes and CRC follow the data, in a data descriptor. Set on streamed parts; cleared when another entry is
 * written again, since this writer then knows them first.
 */
const DATA_DESCRIPTOR_FLAG = 0x0008;
const UTF8_NAMES_FLAG = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const MAX_32 = 0xffffffff;
/** The text of a streamed part is deflated in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 20;
/**
 * zlib's fastest level for streamed parts (a sheet of a million rows): its deflate runs beside the JavaScript that
 * makes the rows, and at the default level 6 the rows waited for it (a fifth of `kam report` at 200,000 accounts).
 */
const STREAMED_LEVEL = 1;

interface CopiedEntry {
  readonly kind: "copied";
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Buffer;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
}

interface TextEntry {
  readonly kind: "text";
  readonly name: string;
  readonly text: string;
}

interface StreamedEntry {
  readonly kind: "streamed";
  readonly name: string;
  readonly chunks: () => Iterable<string>;
}

type Entry = CopiedEntry | TextEntry | StreamedEntry;

/** An entry's sizes and offset must fit the 32-bit fields of a ZIP without ZIP64. */
function refuseZip64(name: string, w: { size: number; compressedSize: number }, offset: number): void {
  if (w.size > MAX_32 || w.compressedSize > MAX_32 || offset > MAX_32)
    refuse(`${name} is over 4 GB, which needs ZIP64`);
}

/** Refuses what this reader does not handle, by name, rather than writing a broken package. */
function refuse(what: string): never {
  throw new Error(`The .xlsx package cannot be edited: ${what}.`);
}

export class ZipParts {
  private readonly entries = new Map<string, Entry>();

  /** Reads the central directory of a ZIP file held in memory. */
  static read(zip: Buffer): ZipParts {
    const parts = new ZipParts();
    // The end record is the last 22 bytes unless the archive has a comment (up to 65,535 bytes).
    let end = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
      if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) refuse("it is not a ZIP file (no end of central directory)");
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    if (count === 0xffff || at === MAX_32) refuse("it is a ZIP64 archive");
    for (let i = 0; i < count; i++) {
      if (zip.readUInt32LE(at) !== CENTRAL_HEADER) refuse(`central directory entry ${i + 1} is damaged`);
      const flags = zip.readUInt16LE(at + 8);
      const method = zip.readUInt16LE(at + 10);
      const time = zip.readUInt16LE(at + 12);
      const date = zip.readUInt16LE(at + 14);
      const crc = zip.readUInt32LE(at + 16);
      const compressed = zip.readUInt32LE(at + 20);
      const size = zip.readUInt32LE(at + 24);
      const nameLength = zip.readUInt16LE(at + 28);
      const extraLength = zip.readUInt16LE(at + 30);
      const commentLength = zip.readUInt16LE(at + 32);
      const local = zip.readUInt32LE(at + 42);
      const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
      if (flags & 0x0001) refuse(`${name} is encrypted`);
      if (method !== STORED && method !== DEFLATED) refuse(`${name} uses compression method ${method}`);
      if (zip.readUInt32LE(local) !== LOCAL_HEADER) refuse(`${name}'s local header is damaged`);
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(dataStart, dataStart + compressed);
      parts.entries.set(name, { kind: "copied", name, method, crc, size, data, flags, time, date });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return parts;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part's text (UTF-8), or undefined when the package has no such part. */
  text(name: string): string | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    if (entry.kind === "text") return entry.text;
    if (entry.kind === "streamed") return [...entry.chunks()].join("");
    const raw = entry.method === DEFLATED ? inflateRawSync(entry.data) : entry.data;
    return raw.toString("utf8");
  }

  /** Sets a part's text; a new part goes after the existing ones. */
  setText(name: string, text: string): void {
    this.entries.set(name, { kind: "text", name, text });
  }

  /**
   * Sets a part to the concatenation of `chunks()`, which is called once, when the package is written, so the whole
   * text never exists at once.
   */
  setStreamed(name: string, chunks: () => Iterable<string>): void {
    this.entries.set(name, { kind: "streamed", name, chunks });
  }

  /** The package as one ZIP file: entries in their original order, then new ones. */
  async toBuffer(): Promise<Buffer> {
    const out: Buffer[] = [];
    await this.writeTo((piece) => {
      out.push(piece);
    });
    return Buffer.concat(out);
  }

  /**
   * Writes the package piece by piece to `sink` (a file), so a big part's compressed bytes are let go once written and
   * the whole file is never copied into one buffer.
   */
  async writeTo(sink: (piece: Buffer) => void | Promise<void>): Promise<void> {
    const central: Buffer[] = [];
    let offset = 0;
    const now = dosDateTime(new Date());
    for (const entry of this.entries.values()) {
      const name = Buffer.from(entry.name, "utf8");
      const utf8 = /[^\x20-\x7e]/.test(entry.name) ? UTF8_NAMES_FLAG : 0;
      if (entry.kind === "streamed") {
        // Sizes and CRC are known only at the end: the local header says so (bit 3) and a data descriptor follows
        // the data (APPNOTE 4.3.9), so the compressed bytes go to the file as they come, never held whole.
        const flags = DATA_DESCRIPTOR_FLAG | utf8;
        const blank = { method: DEFLATED, crc: 0, size: 0, compressedSize: 0, flags, name, ...now };
        await sink(header(LOCAL_HEADER, blank));
        await sink(name);
        const written = await compressStreamed(entry, sink);
        refuseZip64(entry.name, written, offset);
        await sink(dataDescriptor(written));
        central.push(header(CENTRAL_HEADER, { ...blank, ...written }, offset), name);
        offset += 30 + name.length + written.compressedSize + DESCRIPTOR_BYTES;
        continue;
      }
      const written: Written =
        entry.kind === "copied"
          ? { ...entry, compressedSize: entry.data.length, pieces: [entry.data] }
          : compressText(entry, now);
      refuseZip64(entry.name, written, offset);
      const flags = (written.flags & ~DATA_DESCRIPTOR_FLAG) | utf8;
      const fields = { ...written, flags, name };
      for (const piece of [header(LOCAL_HEADER, fields), name, ...written.pieces]) await sink(piece);
      central.push(header(CENTRAL_HEADER, fields, offset), name);
      offset += 30 + name.length + written.compressedSize;
    }
    if (this.entries.size > 0xfffe) refuse("it has more than 65,534 parts");
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.size, 8);
    end.writeUInt16LE(this.entries.size, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await sink(directory);
    await sink(end);
  }
}

interface Written {
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
  /** The compressed bytes, in pieces written one after the other. */
  readonly pieces: readonly Buffer[];
  readonly flags: number;
  readonly time: number;
  readonly date: number;
}

function compressText(entry: TextEntry, now: { time: number; date: number }): Written {
  const raw = Buffer.from(entry.text, "utf8");
  const data = deflateRawSync(raw);
  return {
    method: DEFLATED,
    crc: crc32(raw),
    size: raw.length,
    compressedSize: data.length,
    pieces: [data],
    flags: 0,
    ...now,
  };
}

/** One deflate stream fed in pieces of about a megabyte; each compressed piece goes to `sink` as it comes. */
async function compressStreamed(
  entry: StreamedEntry,
  sink: (piece: Buffer) => void | Promise<void>,
): Promise<{ crc: number; size: number; compressedSize: number }> {
  let crc = 0;
  let size = 0;
  let compressedSize = 0;
  const chunks = entry.chunks;
  async function* raw(): AsyncGenerator<Buffer> {
    let pending = "";
    const piece = () => {
      const bytes = Buffer.from(pending, "utf8");
      pending = "";
      crc = crc32(bytes, crc);
      size += bytes.length;
      return bytes;
    };
    for (const chunk of chunks()) {
      pending += chunk;
      if (pending.length >= CHUNK_CHARS) yield piece();
    }
    if (pending.length > 0) yield piece();
  }
  await pipeline(
    Readable.from(raw()),
    createDeflateRaw({ level: STREAMED_LEVEL }),
    async (compressed: AsyncIterable<Buffer>) => {
      for await (const c of compressed) {
        compressedSize += c.length;
        await sink(c);
      }
    },
  );
  return { crc, size, compressedSize };
}

const DESCRIPTOR_BYTES = 16;

/** The data descriptor after a streamed entry's data: signature, CRC-32, compressed and uncompressed size. */
function dataDescriptor(w: { crc: number; size: number; compressedSize: number }): Buffer {
  const b = Buffer.alloc(DESCRIPTOR_BYTES);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(w.crc >>> 0, 4);
  b.writeUInt32LE(w.compressedSize, 8);
  b.writeUInt32LE(w.size, 12);
  return b;
}

/** A local (30 bytes) or central (46 bytes) header for an entry; `offset` only in the central one. */
function header(signature: number, e: Omit<Written, "pieces"> & { readonly name: Buffer }, offset?: number): Buffer {
  const central = signature === CENTRAL_HEADER;
  const b = Buffer.alloc(central ? 46 : 30);
  b.writeUInt32LE(signature, 0);
  let at = 4;
  if (central) {
    b.writeUInt16LE(20, at); // made by: version 2.0
    at += 2;
  }
  b.writeUInt16LE(20, at); // needed to extract: 2.0 (deflate)
  b.writeUInt16LE(e.flags, at + 2);
  b.writeUInt16LE(e.method, at + 4);
  b.writeUInt16LE(e.time, at + 6);
  b.writeUInt16LE(e.date, at + 8);
  b.writeUInt32LE(e.crc >>> 0, at + 10);
  b.writeUInt32LE(e.compressedSize, at + 14);
  b.writeUInt32LE(e.size, at + 18);
  b.writeUInt16LE(e.name.length, at + 22);
  b.writeUInt16LE(0, at + 24); // extra field
  if (central) {
    // comment length, disk number, internal and external attributes: all 0
    b.writeUInt32LE(offset ?? 0, 42);
  }
  return b;
}

/** MS-DOS date and time (APPNOTE 4.4.6), local time as ZIP tools write it. */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
