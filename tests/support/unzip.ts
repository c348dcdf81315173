import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a zip archive, read through its central directory (enough for the archives Playwright embeds
 * in its HTML report). Only stored and deflated entries: that is all Playwright writes.
 */
export function unzipEntries(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + skip;
  }
  return entries;
}

/** Every zip Playwright's HTML report embeds as base64 in its index.html. */
export function embeddedZips(html: string): Buffer[] {
  return [...html.matchAll(/base64,([A-Za-z0-9+/=]{100,})/g)]
    .map((m) => Buffer.from(m[1]!, 'base64'))
    .filter((b) => b.readUInt32LE(0) === 0x04034b50);
}
