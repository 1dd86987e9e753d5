import { z } from 'zod'
import { auditDestinationSchema, type AuditDestination } from './audit-destination'

export const EGERIA_VERSIONS = ['auto', '3', '4', '5', '6'] as const
export type EgeriaVersionSetting = (typeof EGERIA_VERSIONS)[number]

export const ENVIRONMENTS = ['dev', 'test', 'prod'] as const
export type Environment = (typeof ENVIRONMENTS)[number]

export const TLS_MODES = ['system', 'ca-file', 'insecure'] as const
export type TlsMode = (typeof TLS_MODES)[number]

export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  dev: 'Development',
  test: 'Test',
  prod: 'Production'
}

export const TLS_MODE_LABELS: Record<TlsMode, string> = {
  system: 'Verify with system CAs',
  'ca-file': 'Verify with a CA file',
  insecure: 'Verification off (this connection only)'
}

const nonBlank = (label: string): z.ZodString =>
  z.string().trim().min(1, `${label} is required`).max(200, `${label} is too long (200 characters at most)`)

/**
 * Egeria server names and user IDs are single tokens that go into REST paths: `.` and `..` (a path
 * step up), and characters that end or escape a path segment, would send the call somewhere else.
 */
const pathToken = (label: string) =>
  nonBlank(label)
    .regex(/^[^\s/?#]+$/, `${label} cannot contain spaces or / ? #`)
    .regex(/^[^\\%\p{Cc}]+$/u, `${label} cannot contain \\, % or control characters`)
    .refine((value) => value !== '.' && value !== '..', `${label} cannot be . or ..`)

/** Egeria server names are single tokens: the audit log and the REST paths both rely on it. */
export const serverNameSchema = pathToken('Server name')
export const userIdSchema = pathToken('User ID')
const serverName = serverNameSchema

const platformUrl = z
  .string()
  .trim()
  .min(1, 'Platform URL is required')
  .superRefine((value, ctx) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter a full URL such as https://localhost:9443' })
      return
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'Only http:// and https:// URLs are supported' })
    } else if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'Put the user and password in their own fields, not in the URL' })
    } else if (url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'The platform root URL cannot have a query or fragment' })
    }
  })
  .transform((value) => value.replace(/\/+$/, ''))

export const tlsSettingsSchema = z
  .object({
    mode: z.enum(TLS_MODES),
    caFile: z.string().trim().max(4096).optional()
  })
  .superRefine((tls, ctx) => {
    if (tls.mode === 'ca-file' && !tls.caFile) {
      ctx.addIssue({ code: 'custom', path: ['caFile'], message: 'Choose the CA certificate file (PEM)' })
    }
  })
export type TlsSettings = z.infer<typeof tlsSettingsSchema>

/** What the operator edits. `password`: absent keeps the saved one, `null` removes it. */
export const connectionDraftSchema = z.object({
  id: z.string().uuid().optional(),
  name: nonBlank('Display name'),
  platformUrl,
  serverName,
  userId: userIdSchema,
  password: z.string().max(1024, 'Password is too long').nullable().optional(),
  egeriaVersion: z.enum(EGERIA_VERSIONS),
  tls: tlsSettingsSchema,
  environment: z.enum(ENVIRONMENTS),
  readOnly: z.boolean(),
  /** A file the daemon's console audit log is written to, followed live in step 1. */
  auditLogPath: z.string().trim().max(4096).optional(),
  /** Egeria's audit database or topic holding this daemon's audit log (its password is a secret apart). */
  auditDestination: auditDestinationSchema.optional()
})
export type ConnectionDraft = z.input<typeof connectionDraftSchema>
export type ValidConnectionDraft = z.output<typeof connectionDraftSchema>

/** What is saved and what the renderer sees: never the password itself. */
export interface Connection {
  id: string
  name: string
  platformUrl: string
  serverName: string
  userId: string
  egeriaVersion: EgeriaVersionSetting
  tls: TlsSettings
  environment: Environment
  readOnly: boolean
  auditLogPath?: string
  auditDestination?: AuditDestination
  hasPassword: boolean
  /** A password for the audit database or topic is in the secret store. */
  hasAuditDestinationPassword?: boolean
  /** The built-in demo daemon: started in-process, not editable. */
  demo?: boolean
  createdAt: string
  updatedAt: string
}

/**
 * Whether logging in sends the password unencrypted: Egeria 6 logs in by POSTing it for a bearer token,
 * and over plain http:// anyone on the path can read it. Auto may detect Egeria 6, so it counts too.
 */
/** What to tell the operator when loginSendsPasswordInClear: one wording for the form, `probe` and the command line. */
export const PASSWORD_IN_CLEAR = 'Over plain http://, an Egeria 6 login sends the password unencrypted: anyone on the network path could read it. Use https:// where the platform offers it.'

export function loginSendsPasswordInClear(platformUrl: string, egeriaVersion: EgeriaVersionSetting): boolean {
  return (egeriaVersion === '6' || egeriaVersion === 'auto') && /^http:\/\//i.test(platformUrl.trim())
}

export function emptyDraft(): ConnectionDraft {
  return {
    name: '',
    platformUrl: 'https://localhost:9443',
    serverName: '',
    userId: 'garygeeke',
    egeriaVersion: 'auto',
    tls: { mode: 'system' },
    environment: 'dev',
    readOnly: false
  }
}
