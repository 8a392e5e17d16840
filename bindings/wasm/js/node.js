// Node entry point: loads the shared .wasm synchronously from the package.
import { readFileSync } from "node:fs";
import { initSync } from "./glue/ticketshare.js";

initSync({ module: readFileSync(new URL("./glue/ticketshare_bg.wasm", import.meta.url)) });

export { Engine, TicketShareError } from "./engine.js";
