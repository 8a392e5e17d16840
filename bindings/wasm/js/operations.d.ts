// The declarations of operations.js (generated from the operation table).

/** Every operation bindings wrap over the JSON call: `[op, method]`. */
export declare const OPERATIONS: ReadonlyArray<readonly [op: string, method: string]>;
/** Operations with a typed entry point of their own (a hot path): `[op, method]`. */
export declare const TYPED_OPERATIONS: ReadonlyArray<readonly [op: string, method: string]>;
/** The largest request, configuration and token accepted, in bytes. */
export declare const LIMITS: { readonly request: number; readonly config: number; readonly token: number };
