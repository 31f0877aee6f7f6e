import { createHash, randomBytes, type ScryptOptions, scrypt as scryptCb, timingSafeEqual } from "node:crypto"

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))))

// N = 2^14, r = 8, p = 1: the interactive-login parameters of the scrypt paper (~16 MB, tens of ms).
const N = 16384
const R = 8
const P = 1
const KEYLEN = 32

/**
 * Hash a password with scrypt and a fresh 16-byte salt: "scrypt$N$r$p$salt$hash" (base64).
 *
 * @example
 * const stored = await hashPassword("s3cret-pass")
 */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 })
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`
}

/**
 * Check a password against a stored hash in constant time (per length). False on any malformed hash.
 *
 * @example
 * await verifyPassword("s3cret-pass", stored) // true
 */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const parts = stored.split("$")
  if (parts.length !== 6 || parts[0] !== "scrypt") return false
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const salt = Buffer.from(parts[4]!, "base64")
  const expected = Buffer.from(parts[5]!, "base64")
  if (!Number.isInteger(n) || !Number.isInteger(r) || !Number.isInteger(p) || expected.length === 0) return false
  const key = await scrypt(password, salt, expected.length, { N: n, r, p, maxmem: 64 * 1024 * 1024 })
  return timingSafeEqual(key, expected)
}

/** A random secret for a session cookie or a bearer token (32 bytes, base64url), with a prefix. */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString("base64url")}`

/** The sha256 (hex) under which a session or token secret is stored. */
export const sha256 = (secret: string): string => createHash("sha256").update(secret).digest("hex")

/** A short random id, e.g. for users, tokens and jobs. */
export const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString("base64url")}`
