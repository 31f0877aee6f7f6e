import { type Instance, render } from "ink"
import { App, type AppProps } from "./App.js"

/**
 * Render the dashboard on the process's terminal (Ctrl+C quits). The one module that brings Ink in, so the
 * dashboard can decide what to do before loading it.
 */
export const mount = (props: AppProps): Instance => render(<App {...props} />, { exitOnCtrlC: true })
