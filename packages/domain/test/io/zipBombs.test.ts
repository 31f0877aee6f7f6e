import { deflateSync, strToU8, zipSync } from "fflate"
import { describe, expect, it } from "vitest"
import { readXlsx } from "../../src/io/xlsx.js"
import { zipEntries, zipReader } from "../../src/io/ZipArchive.js"
import { InputError } from "../../src/model/errors.js"

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

// Rewrite the uncompressed size an archive declares for one entry (local header and central directory alike).
const declare = (zip: Uint8Array, name: string, size: number): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(zip)
  const dv = new DataView(out.buffer)
  const nameBytes = strToU8(name)
  const at = (i: number, len: number) => out.subarray(i, i + len).every((b, k) => b === nameBytes[k])
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = dv.getUint32(i, true)
    if (sig === 0x04034b50 && dv.getUint16(i + 26, true) === nameBytes.length && at(i + 30, nameBytes.length)) dv.setUint32(i + 22, size, true)
    if (sig === 0x02014b50 && dv.getUint16(i + 28, true) === nameBytes.length && at(i + 46, nameBytes.length)) dv.setUint32(i + 24, size, true)
  }
  return out
}

const workbook = (sheetXml: string, extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "_rels/.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    ...extra,
  })

const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`

const caught = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

describe("zip bombs in .xlsx files", () => {
  it("never inflates parts the workbook does not reference, however large they claim to be", () => {
    // Five parts declaring 400 MB each (what the bomb of the report carried), none of them referenced.
    const junk = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`xl/media/bomb${i}.xml`, strToU8("<x/>".repeat(1000))]))
    let bytes = workbook(sheet, junk)
    for (let i = 1; i <= 5; i++) bytes = declare(bytes, `xl/media/bomb${i}.xml`, 400 * 1024 * 1024)
    expect(zipEntries(bytes).filter((e) => e.size === 400 * 1024 * 1024)).toHaveLength(5)
    const before = process.memoryUsage().rss
    expect(readXlsx(bytes).rows).toEqual([{ x: 1 }])
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024)
  })

  it("refuses a referenced part that declares more than the budget, before inflating it", () => {
    const bytes = declare(workbook(sheet), "xl/worksheets/sheet1.xml", 300 * 1024 * 1024)
    const e = caught(() => readXlsx(bytes))
    expect(e.code).toBe("xlsx_too_large")
    expect(e.zh).toContain("压缩炸弹")
  })

  it("stops inflating a part that produces more than its header declared (a lying header)", () => {
    const big = deflateSync(new Uint8Array(8 * 1024 * 1024).fill(32), { level: 9 })
    const zip = zipSync({ "a.xml": new Uint8Array(8 * 1024 * 1024).fill(32) }, { level: 9 })
    const lying = declare(zip, "a.xml", 4096)
    expect(big.length).toBeLessThan(50_000)
    expect(caught(() => zipReader(lying).read("a.xml")).code).toBe("xlsx_too_large")
  })

  it("refuses parts beyond the ratio or the total budget, and reads honest ones", () => {
    const zeros = new Uint8Array(2 * 1024 * 1024)
    // An honest part: a sheet's worth of varied numbers (compresses a few times, not a thousandfold).
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c><v>${(i * 7919) % 10007}.${(i * 104729) % 997}</v></c></row>`).join("")
    const zip = zipSync({ "a.xml": zeros, "b.xml": strToU8(rows), "c.xml": strToU8("hello") }, { level: 9 })
    // 2 MiB of zeros compress about a thousandfold: above a ratio of 100.
    expect(caught(() => zipReader(zip, { totalBytes: 64 * 1024 * 1024, ratio: 100 }).read("a.xml")).code).toBe("xlsx_too_large")
    // Within the ratio, but the total budget of 100 KiB is smaller than b.xml.
    expect(caught(() => zipReader(zip, { totalBytes: 100 * 1024, ratio: 5000 }).read("b.xml")).code).toBe("xlsx_too_large")
    const honest = zipReader(zip)
    expect(new TextDecoder().decode(honest.read("c.xml"))).toBe("hello")
    expect(honest.read("b.xml")!.length).toBe(strToU8(rows).length)
    // Zeros compress a thousandfold: above the default ratio of 500 as well.
    expect(caught(() => honest.read("a.xml")).code).toBe("xlsx_too_large")
    expect(honest.read("missing.xml")).toBeUndefined()
  })
})
