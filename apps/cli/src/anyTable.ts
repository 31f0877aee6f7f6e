/** Every table format (workbooks too), loaded only when a --data file is not plain text. */
export { readTable } from "@jiju/domain/io"
