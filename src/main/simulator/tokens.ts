/** 6.x bearer tokens: RS256 JWTs from POST /api/token, signed with a key made at start-up (tokens die with the platform). */
import { generateKeyPair, sign, verify, type KeyObject } from 'node:crypto'
import { promisify } from 'node:util'

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url')

export interface TokenVerdict {
  userId?: string
  /** Why the token was refused: Spring's resource-server error description. */
  problem?: string
}

export class TokenService {
  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    private readonly ttlSeconds: number,
    private readonly now: () => number
  ) {}

  static async create(ttlSeconds: number, now: () => number = Date.now): Promise<TokenService> {
    const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })
    return new TokenService(privateKey, publicKey, ttlSeconds, now)
  }

  issue(userId: string, displayName = userId): string {
    const issuedAt = Math.floor(this.now() / 1000)
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))
    const claims = base64url(
      JSON.stringify({ iss: 'self', sub: userId, iat: issuedAt, exp: issuedAt + this.ttlSeconds, displayName, dn: `cn=${userId}` })
    )
    const signature = base64url(sign('sha256', Buffer.from(`${header}.${claims}`), this.privateKey))
    return `${header}.${claims}.${signature}`
  }

  check(authorization: string | undefined): TokenVerdict {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
    if (!match?.[1]) return { problem: 'missing' }
    const parts = match[1].split('.')
    if (parts.length !== 3) return { problem: 'Malformed token' }
    const [header = '', claims = '', signature = ''] = parts
    const valid = verify('sha256', Buffer.from(`${header}.${claims}`), this.publicKey, Buffer.from(signature, 'base64url'))
    if (!valid) return { problem: 'Failed to validate the token' }
    let payload: { sub?: unknown; exp?: unknown }
    try {
      payload = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown }
    } catch {
      return { problem: 'Malformed payload' }
    }
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= this.now()) {
      return { problem: `Jwt expired at ${new Date(Number(payload.exp) * 1000).toISOString()}` }
    }
    return typeof payload.sub === 'string' ? { userId: payload.sub } : { problem: 'Token has no subject' }
  }
}
