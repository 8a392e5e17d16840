// Browser and bundler entry point: fetches the shared .wasm next to this file. No Node API.
import init from "./glue/ticketshare.js";

await init({ module_or_path: new URL("./glue/ticketshare_bg.wasm", import.meta.url) });

export { Engine, TicketShareError } from "./engine.js";
