/** @cwm/adapter-rest: see README.md. */
export {};
