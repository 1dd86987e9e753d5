/**
 * The message catalogue beyond the integration daemon's own table (messages.ts), one file per family
 * of Egeria services. `withCatalogue` joins them into the one list the knowledge base looks up.
 */
import type { MessageEntry } from '../types'
import { ACCESS_SERVICE_MESSAGES } from './access-services'
import { KAFKA_MESSAGES } from './ocf-kafka'
import { OMAG_ADMIN_MESSAGES, SERVER_OPS_MESSAGES } from './omag-admin'
import { OMRS_MESSAGES } from './omrs'

export const CATALOGUE_FAMILIES: readonly (readonly MessageEntry[])[] = [OMRS_MESSAGES, OMAG_ADMIN_MESSAGES, SERVER_OPS_MESSAGES, KAFKA_MESSAGES, ACCESS_SERVICE_MESSAGES]

/**
 * The daemon table and the family files as one list. Entries of a reused ID are ordered oldest meaning
 * first, whichever file they come from: an unversioned lookup takes the last (newest) one.
 */
export function withCatalogue(table: readonly MessageEntry[]): MessageEntry[] {
  return [...table, ...CATALOGUE_FAMILIES.flat()].sort((a, b) => (a.fromMajor ?? 0) - (b.fromMajor ?? 0))
}
