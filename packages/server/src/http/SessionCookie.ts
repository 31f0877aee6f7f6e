/** The session cookie's name on plain http (development and tests, JIJU_INSECURE_COOKIES=1). */
export const SESSION_COOKIE = "jiju_session"

/**
 * The session cookie's name when cookies are Secure (the default): the `__Host-` prefix makes the browser refuse it
 * unless it is Secure, has Path=/ and no Domain, so a sibling subdomain cannot plant or shadow it.
 */
export const SECURE_SESSION_COOKIE = "__Host-jiju_session"

/** The name the session cookie has under these settings. */
export const sessionCookieName = (secure: boolean): string => (secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE)
