/**
 * A value a server component hands a client component as JSON text. React streams an
 * object prop value by value, on the server and again in the browser; a long transcript's
 * turns and 22,000 codings as one string are one chunk to write and one native
 * `JSON.parse` to read.
 */
export type JsonText<T> = string & { readonly __jsonOf?: T };

export const toJsonText = <T>(value: T): JsonText<T> => JSON.stringify(value) as JsonText<T>;

export const fromJsonText = <T>(text: JsonText<T>): T => JSON.parse(text) as T;
