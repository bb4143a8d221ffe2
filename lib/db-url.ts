/**
 * DATABASE_URL, checked before anything connects (issue #20, "Bad input"): a postgres:// or
 * postgresql:// URL is parsed into host, port, database and user, and every message about it
 * names those, never the password (`redactPassword` scrubs it from driver text passed on as
 * well). `checkServerVersion` refuses a PostgreSQL older than the supported one, by name.
 *
 * Pure: db/pg-connect.ts does the connecting. Nothing reads DATABASE_URL yet — scripts/start.ts
 * and db/client.ts stay on SQLite until the data layer runs on PostgreSQL (issue #20 items 2–3).
 */

/** The oldest PostgreSQL major version the app supports. */
export const MIN_POSTGRES_MAJOR = 14;

/** A DATABASE_URL that cannot be used, or a server it names that cannot be: the message says why, without the password. */
export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

export interface DatabaseUrl {
  /** A host name, an IP address (an IPv6 one in brackets) or a unix socket directory. */
  host: string;
  port: number;
  database: string;
  /** Empty when the URL names none (the driver then uses the system user's name). */
  user: string;
  /** Empty when the URL has none. Never put into a message. */
  password: string;
  /** e.g. `database "fgcoder" on db.example.org:5432 as user "app"` */
  description: string;
}

/** `text` with the URL's password (as written and percent-decoded) and any URL's userinfo password replaced by ***. */
export function redactPassword(text: string, password = ''): string {
  let out = text;
  for (const p of new Set([password, safeDecode(password), encodeURIComponent(password)])) {
    if (p) out = out.split(p).join('***');
  }
  return out.replace(/(\/\/[^:/@\s]*):[^@\s]*@/g, '$1:***@');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Where `url` points, for a message: host, port and database (and user), never the password. */
export function describeDatabase(target: Pick<DatabaseUrl, 'host' | 'port' | 'database' | 'user'>): string {
  const where = target.host.startsWith('/') ? `${target.host} (socket, port ${target.port})` : `${target.host}:${target.port}`;
  return `database "${target.database}" on ${where}${target.user ? ` as user "${target.user}"` : ''}`;
}

/** Parses DATABASE_URL; throws DatabaseUrlError (without the password) when it is not a usable PostgreSQL URL. */
export function parseDatabaseUrl(raw: string): DatabaseUrl {
  const text = raw.trim();
  const shown = redactPassword(text);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1];
  if (!scheme) throw new DatabaseUrlError(`DATABASE_URL is not a URL ("${shown}"): it should look like postgres://user:password@host:5432/database`);
  if (!['postgres', 'postgresql'].includes(scheme.toLowerCase())) {
    throw new DatabaseUrlError(`DATABASE_URL must start with postgres:// or postgresql://, not ${scheme}:// (leave it unset to use SQLite)`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DatabaseUrlError(`DATABASE_URL is not a valid URL ("${shown}"): it should look like postgres://user:password@host:5432/database`);
  }
  const password = safeDecode(url.password);
  const query = url.searchParams;
  const host = query.get('host') || safeDecode(url.hostname) || 'localhost';
  const portText = query.get('port') || url.port || '5432';
  const port = Number(portText);
  const database = safeDecode(url.pathname.replace(/^\//, '')) || query.get('dbname') || '';
  const user = safeDecode(url.username) || query.get('user') || '';
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new DatabaseUrlError(`DATABASE_URL has an invalid port "${redactPassword(portText, password)}" for host ${host}`);
  }
  if (!database || database.includes('/')) {
    throw new DatabaseUrlError(`DATABASE_URL names no database on ${host}:${port}: add it after the host, as in postgres://user:password@${host}:${port}/database`);
  }
  const target = { host, port, database, user };
  return { ...target, password, description: describeDatabase(target) };
}

/**
 * The PostgreSQL version in `SHOW server_version_num` output (e.g. "150018" → 15.18, "90624" →
 * 9.6.24); throws DatabaseUrlError naming the found and required versions when it is older than
 * `minimumMajor`, or when the output is not a version number.
 */
export function checkServerVersion(
  serverVersionNum: string | number,
  where: string,
  minimumMajor: number = MIN_POSTGRES_MAJOR,
): { major: number; version: string } {
  const text = String(serverVersionNum).trim();
  if (!/^\d{5,}$/.test(text)) throw new DatabaseUrlError(`The server at ${where} did not report a PostgreSQL version (server_version_num "${text}")`);
  const n = Number(text);
  // From 10 on: major * 10000 + minor; before: major * 10000 + minor * 100 + patch (9.6.24 → 90624).
  const major = Math.floor(n / 10000);
  const version = n >= 100000 ? `${major}.${n % 10000}` : `${Math.floor(n / 10000)}.${Math.floor((n % 10000) / 100)}.${n % 100}`;
  if (major < minimumMajor) {
    throw new DatabaseUrlError(
      `PostgreSQL ${version} at ${where} is older than the supported PostgreSQL ${minimumMajor}: upgrade the server to ${minimumMajor} or later`,
    );
  }
  return { major, version };
}
