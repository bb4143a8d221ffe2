import { describe, expect, it } from 'vitest';
import { checkServerVersion, DatabaseUrlError, MIN_POSTGRES_MAJOR, parseDatabaseUrl, redactPassword } from './db-url';

/** The DatabaseUrlError message `f` throws. */
function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DatabaseUrlError);
    return (e as Error).message;
  }
  throw new Error('expected a DatabaseUrlError');
}

describe('parseDatabaseUrl', () => {
  it('reads host, port, database, user and password, and describes them without the password', () => {
    const u = parseDatabaseUrl('postgres://app:s%40cr3t-pw@db.example.org:6432/fgcoder?sslmode=require');
    expect(u).toMatchObject({ host: 'db.example.org', port: 6432, database: 'fgcoder', user: 'app', password: 's@cr3t-pw' });
    expect(u.description).toBe('database "fgcoder" on db.example.org:6432 as user "app"');
    expect(u.description).not.toContain('cr3t');
  });

  it('takes postgresql:// too, port 5432 by default, and an IPv6 address', () => {
    expect(parseDatabaseUrl('postgresql://app@localhost/fg')).toMatchObject({ host: 'localhost', port: 5432, database: 'fg', user: 'app', password: '' });
    expect(parseDatabaseUrl('postgres://[::1]:5433/fg').description).toBe('database "fg" on [::1]:5433');
  });

  it('takes a unix socket directory, percent-encoded as the host or as ?host=', () => {
    expect(parseDatabaseUrl('postgres://app@%2Fvar%2Frun%2Fpostgresql/fg')).toMatchObject({ host: '/var/run/postgresql', database: 'fg' });
    expect(parseDatabaseUrl('postgres:///fg?host=/run/postgresql&port=5444').description).toBe('database "fg" on /run/postgresql (socket, port 5444)');
  });

  it('refuses another scheme, naming only the scheme', () => {
    const message = failure(() => parseDatabaseUrl('mysql://root:hunter22@db/fg'));
    expect(message).toContain('postgres://');
    expect(message).toContain('mysql://');
    expect(message).not.toContain('hunter22');
  });

  it('refuses a URL without a database, naming the host', () => {
    const message = failure(() => parseDatabaseUrl('postgres://app:hunter22@db.example.org:5432/'));
    expect(message).toContain('names no database on db.example.org:5432');
    expect(message).not.toContain('hunter22');
  });

  it('refuses text that is not a URL, and a bad port, without the password', () => {
    expect(failure(() => parseDatabaseUrl('db.example.org/fg'))).toContain('not a URL');
    expect(failure(() => parseDatabaseUrl('  '))).toContain('not a URL');
    const bad = failure(() => parseDatabaseUrl('postgres://app:hunter22@db.example.org:99999/fg'));
    expect(bad).not.toContain('hunter22');
    expect(bad).toMatch(/valid URL|invalid port/);
    expect(failure(() => parseDatabaseUrl('postgres://app:hunter22@db/fg?port=abc'))).toBe('DATABASE_URL has an invalid port "abc" for host db');
  });
});

describe('redactPassword', () => {
  it('removes the password as written and percent-encoded, and any userinfo password in a URL', () => {
    expect(redactPassword('auth failed for s@cret and s%40cret', 's@cret')).toBe('auth failed for *** and ***');
    expect(redactPassword('connect postgres://app:whatever@db/fg failed')).toBe('connect postgres://app:***@db/fg failed');
    expect(redactPassword('postgres://u:p@ss@h/db', 'p@ss')).toBe('postgres://u:***@h/db');
    expect(redactPassword('nothing to hide', '')).toBe('nothing to hide');
  });
});

describe('checkServerVersion', () => {
  it(`accepts PostgreSQL ${MIN_POSTGRES_MAJOR} and later`, () => {
    expect(checkServerVersion('140000', 'db:5432')).toEqual({ major: 14, version: '14.0' });
    expect(checkServerVersion('150018\n', 'db:5432')).toEqual({ major: 15, version: '15.18' });
    expect(checkServerVersion(170002, 'db:5432')).toEqual({ major: 17, version: '17.2' });
  });

  it('refuses an older PostgreSQL, naming the found and the required versions and where', () => {
    expect(failure(() => checkServerVersion('130012', 'database "fg" on db:5432'))).toBe(
      'PostgreSQL 13.12 at database "fg" on db:5432 is older than the supported PostgreSQL 14: upgrade the server to 14 or later',
    );
    expect(failure(() => checkServerVersion('90624', 'db:5432'))).toContain('PostgreSQL 9.6.24 at db:5432 is older than the supported PostgreSQL 14');
    expect(failure(() => checkServerVersion('150018', 'db:5432', 16))).toContain('PostgreSQL 15.18 at db:5432 is older than the supported PostgreSQL 16');
  });

  it('refuses output that is not a version number', () => {
    expect(failure(() => checkServerVersion('', 'db:5432'))).toContain('did not report a PostgreSQL version');
    expect(failure(() => checkServerVersion('15.4', 'db:5432'))).toContain('did not report a PostgreSQL version');
  });
});
