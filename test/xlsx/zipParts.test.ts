/**
 * ZipParts edits an .xlsx package without JSZip's JavaScript re-deflate: copied parts keep their bytes, set parts are
 * deflated by zlib, streamed parts piece by piece. JSZip (an independent reader) checks every CRC and size.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { ZipParts } from "../../src/xlsx/zipParts";

async function zipOf(files: Record<string, string>, compression: "STORE" | "DEFLATE"): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression });
}

async function read(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer, { checkCRC32: true });
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async("string"));
  return out;
}

describe("ZipParts", () => {
  it("reads stored and deflated parts, and writes them back unchanged", async () => {
    for (const compression of ["STORE", "DEFLATE"] as const) {
      const files = { "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook>é ü 漢</workbook>" };
      const parts = ZipParts.read(await zipOf(files, compression));
      expect(parts.text("xl/workbook.xml")).toBe(files["xl/workbook.xml"]);
      expect(parts.text("xl/missing.xml")).toBeUndefined();
      expect(Object.fromEntries(await read(await parts.toBuffer()))).toEqual(files);
    }
  });

  it("replaces a part, adds one after the others, and streams one in pieces across multi-byte characters", async () => {
    const parts = ZipParts.read(await zipOf({ a: "old", b: "keep" }, "DEFLATE"));
    parts.setText("a", "new text");
    parts.setText("c", "<added/>");
    // About 3 MB in 7-character pieces, so the 1 MB deflate pieces split a run of "é" (2 bytes in UTF-8).
    const pieces = Array.from({ length: 450_000 }, (_, i) => `é${String(i % 100000).padStart(5, "0")}\n`);
    parts.setStreamed("d", () => pieces);
    const back = await read(await parts.toBuffer());
    expect([...back.keys()]).toEqual(["a", "b", "c", "d"]);
    expect(back.get("a")).toBe("new text");
    expect(back.get("b")).toBe("keep");
    expect(back.get("c")).toBe("<added/>");
    expect(back.get("d")).toBe(pieces.join(""));
  });

  it("calls a streamed part's pieces once, when the package is written", async () => {
    const parts = ZipParts.read(await zipOf({ a: "x" }, "DEFLATE"));
    let calls = 0;
    parts.setStreamed("s", function* () {
      calls++;
      yield "<s/>";
    });
    expect(calls).toBe(0);
    await parts.toBuffer();
    expect(calls).toBe(1);
  });

  it("writes a streamed part as it comes: a local header without sizes, the data, a data descriptor (APPNOTE 4.3.9)", async () => {
    const parts = ZipParts.read(await zipOf({ a: "x" }, "DEFLATE"));
    const written: Buffer[] = [];
    const seenWhileMaking: number[] = [];
    parts.setStreamed("d", function* () {
      // Varied text that deflates to several pieces, each on its way to the file before the next is made.
      for (let i = 0; i < 60; i++) {
        seenWhileMaking.push(written.reduce((n, b) => n + b.length, 0));
        yield Array.from(
          { length: 20_000 },
          (_, k) => `<c r="A${i * 20_000 + k}"><v>${(k * 7919) % 10007}</v></c>`,
        ).join("");
      }
    });
    await parts.writeTo((piece) => {
      written.push(piece);
    });
    const zip = Buffer.concat(written);
    // Compressed bytes reached the sink while the part was still being made.
    expect(seenWhileMaking[seenWhileMaking.length - 1]).toBeGreaterThan(seenWhileMaking[0] + 100_000);
    // The central directory's entry for "d", then its local header and the descriptor after its data.
    const end = zip.length - 22;
    let at = zip.readUInt32LE(end + 16);
    for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
      const nameLength = zip.readUInt16LE(at + 28);
      if (zip.toString("utf8", at + 46, at + 46 + nameLength) === "d") break;
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    const [crc, compressed, size] = [zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt32LE(at + 24)];
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt16LE(at + 8) & 0x08).toBe(0x08);
    expect(zip.readUInt16LE(local + 6) & 0x08).toBe(0x08);
    expect([zip.readUInt32LE(local + 14), zip.readUInt32LE(local + 18), zip.readUInt32LE(local + 22)]).toEqual([
      0, 0, 0,
    ]);
    const descriptor = local + 30 + zip.readUInt16LE(local + 26) + compressed;
    expect([0, 4, 8, 12].map((k) => zip.readUInt32LE(descriptor + k))).toEqual([0x08074b50, crc, compressed, size]);
    expect(size).toBe(Buffer.byteLength(parts.text("d")!, "utf8"));
    expect((await read(zip)).get("a")).toBe("x");
  });

  it("refuses what is not a ZIP file, saying so", () => {
    expect(() => ZipParts.read(Buffer.from("not a zip file at all, just text that is long enough"))).toThrow(
      /not a ZIP file/,
    );
  });
});
