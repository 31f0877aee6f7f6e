/** The session cookie's name. */
export const SESSION_COOKIE = "jiju_session"
