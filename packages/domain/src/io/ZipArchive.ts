/**
 * Reading single entries of a zip archive (the container of .xlsx workbooks) with a budget: an entry is inflated
 * only when asked for, in slices, and reading stops as soon as the bytes produced exceed what its header declared,
 * the ratio to its compressed size, or the archive's total budget. A zip bomb costs its budget, not the machine.
 */
import { Inflate } from "fflate"
import { inputError } from "../model/errors.js"

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string
  /** 0 stored, 8 deflated. */
  readonly method: number
  readonly compressedSize: number
  /** The uncompressed size the archive declares (checked while inflating). */
  readonly size: number
  readonly localOffset: number
}

/** What reading an archive may cost. */
export interface ZipBudget {
  /** Total uncompressed bytes over every entry read (default 256 MiB). */
  readonly totalBytes: number
  /** Largest ratio of an entry's uncompressed to compressed size (default 500). */
  readonly ratio: number
}

const defaultBudget: ZipBudget = { totalBytes: 256 * 1024 * 1024, ratio: 500 }

const damaged = (why: string) => inputError("invalid_xlsx", `The .xlsx file is damaged and cannot be unzipped (${why})`, "该 .xlsx 文件已损坏，无法解压")

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8)
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0

/**
 * The entries of a zip archive, from its central directory (nothing is inflated).
 * @example zipEntries(bytes).map((e) => e.name) // ["[Content_Types].xml", "xl/workbook.xml", …]
 */
export const zipEntries = (bytes: Uint8Array): ZipEntry[] => {
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment may be up to 64 KiB).
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw damaged("no end of central directory")
  const count = u16(bytes, eocd + 10)
  let p = u32(bytes, eocd + 16)
  const decoder = new TextDecoder()
  const out: ZipEntry[] = []
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw damaged("bad central directory")
    const nameLen = u16(bytes, p + 28)
    const extraLen = u16(bytes, p + 30)
    const commentLen = u16(bytes, p + 32)
    out.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    })
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

const tooLarge = (name: string, limitBytes: number) =>
  inputError(
    "xlsx_too_large",
    `The .xlsx part "${name}" unpacks to more than ${Math.round(limitBytes / 1024 / 1024)} MiB (or far more than its compressed size): refused as a possible zip bomb`,
    `.xlsx 文件中的“${name}”解压后超过 ${Math.round(limitBytes / 1024 / 1024)} MiB（或远超其压缩大小），疑为压缩炸弹，已拒绝`,
    { value: name },
  )

/**
 * A reader of an archive's entries that charges every byte inflated to one budget.
 * @example const zip = zipReader(bytes); const xml = zip.read("xl/workbook.xml")
 */
export const zipReader = (bytes: Uint8Array, budget: ZipBudget = defaultBudget) => {
  const entries = zipEntries(bytes)
  const byName = new Map(entries.map((e) => [e.name.replaceAll("\\", "/").toLowerCase(), e]))
  let spent = 0
  const read = (e: ZipEntry): Uint8Array => {
    const lh = e.localOffset
    if (lh + 30 > bytes.length || u32(bytes, lh) !== 0x04034b50) throw damaged(`bad local header of ${e.name}`)
    const start = lh + 30 + u16(bytes, lh + 26) + u16(bytes, lh + 28)
    const data = bytes.subarray(start, start + e.compressedSize)
    if (data.length < e.compressedSize) throw damaged(`${e.name} is cut short`)
    const limit = Math.min(e.size, budget.totalBytes - spent, Math.max(64 * 1024, e.compressedSize * budget.ratio))
    if (e.size > limit) throw tooLarge(e.name, budget.totalBytes)
    if (e.method === 0) {
      spent += data.length
      return data.slice()
    }
    if (e.method !== 8) throw damaged(`${e.name} uses compression method ${e.method}`)
    const out = new Uint8Array(e.size)
    let at = 0
    let over = false
    const inflate = new Inflate((chunk) => {
      if (at + chunk.length > out.length) over = true
      else out.set(chunk, at)
      at += chunk.length
    })
    const SLICE = 64 * 1024
    try {
      for (let i = 0; i < data.length && !over; i += SLICE) inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length)
    } catch (x) {
      throw damaged(x instanceof Error ? x.message : String(x))
    }
    // More bytes than declared: the header lied, as bombs do.
    if (over) throw tooLarge(e.name, budget.totalBytes)
    if (at !== e.size) throw damaged(`${e.name} is shorter than declared`)
    spent += at
    return out
  }
  return {
    entries,
    /** An entry's bytes by path (case-insensitive), or undefined when the archive lacks it. */
    read: (path: string): Uint8Array | undefined => {
      const e = byName.get(path.replaceAll("\\", "/").toLowerCase())
      return e === undefined ? undefined : read(e)
    },
  }
}

/** A reader of an archive's entries (see {@link zipReader}). */
export type ZipReader = ReturnType<typeof zipReader>
