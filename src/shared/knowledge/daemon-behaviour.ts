/** How the integration daemon behaves on its own, where the operator's plan depends on it (fact sheet §4.4). */

/**
 * 5.0+: a group that cannot read its configuration from its metadata server tries again after
 * 2,000,000 ms (`waitToRetry`, the same at every anchor): about every 33 minutes.
 */
export const GROUP_CONFIGURATION_RETRY_MINUTES = 33
