/**
 * The subject patterns that message entries and fallback rules name by themselves (as regex sources), apart
 * from subjects.ts so that the catalogue, which the renderer reads, needs nothing of the search machinery.
 */

/**
 * A host name (with a letter, so a time such as 12:02:43 is not one) and its port: labels up to the first
 * that starts with a letter, that one, then any labels, so that each host splits one way only.
 */
export const HOST_PORT = '((?:[0-9-][A-Za-z0-9-]*\\.)*[A-Za-z][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*:\\d{2,5})(?![\\d:])'
/** The Egeria server a message names. */
export const SERVER_NAME = '(?:OMAG [Ss]erver|[Ss]erver) \'?([\\w.-]+?)\'? (?:is not|on platform|at|hosted|has been|that hosts|returned|for)'
/** A directory or folder a message names. */
export const DIRECTORY = '(?:directory|folder)(?: named| called)? \'?([^\\s\']+)'
