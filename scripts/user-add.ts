/**
 * Creates a user: `npm run user:add -- --email a@b.kz [--name "…"] [--admin]`.
 * The password is asked for at the terminal (not echoed), or read from standard input
 * when it is not a terminal: `echo "$PW" | npm run user:add -- --email …`.
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { databasePath, openDatabase } from '../db/client';
import { createUser } from '../db/queries/users';
import { hashPassword, passwordProblem } from '../lib/auth/password';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.replace(/\r?\n$/, '');
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(q);
      const out = process.stdout.write.bind(process.stdout);
      // Silence the echo of typed characters.
      (process.stdout as { write: unknown }).write = () => true;
      rl.question('', (answer) => {
        (process.stdout as { write: unknown }).write = out;
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat: ');
  rl.close();
  if (first !== second) throw new Error('The passwords do not match');
  return first;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean', default: false } },
  });
  if (!values.email) throw new Error('Usage: npm run user:add -- --email <email> [--name <name>] [--admin]');
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem.message);
  const db = openDatabase(databasePath());
  const user = await createUser(db, {
    email: values.email,
    name: values.name ?? values.email.split('@')[0],
    passwordHash: hashPassword(password),
    isAdmin: values.admin,
  });
  console.log(`Created ${user.isAdmin ? 'admin ' : ''}user ${user.email} (id ${user.id}) in ${databasePath()}`);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
