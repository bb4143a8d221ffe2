/**
 * zod as modules that also run in the browser import it. Zod 4 compiles object parsers with
 * `new Function` where it may, and finds out by trying `Function("")` when the first object
 * schema is built; under the app's Content-Security-Policy (no 'unsafe-eval') the browser
 * refuses that and reports a violation — caught by zod, so nothing breaks, but it is noise
 * that would hide a real one. In the browser zod therefore runs without compiling (the
 * setting must come before any schema is built, hence this module, imported first); the
 * server has no such policy and keeps compiling.
 */
import { z } from 'zod';

if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };
