/**
 * Text bound for a spreadsheet, made inert: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
 * is read by Excel, LibreOffice and WPS as a formula (CSV injection, OWASP), so such text is prefixed with an
 * apostrophe. Numbers written as text ("-1.5", "+3", "1e-4") are left as they are: a spreadsheet reads them as
 * numbers, never as formulas.
 */

const TRIGGER = /^[=+\-@\t\r]/
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * The text as a spreadsheet cell may safely hold it.
 * @example inertCell("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")";  inertCell("-0.25") // "-0.25"
 */
export const inertCell = (text: string): string => (TRIGGER.test(text) && !NUMBER.test(text) ? `'${text}` : text)
