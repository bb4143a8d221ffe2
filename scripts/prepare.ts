/** For `npm run dev`: the same preparation as `npm start` (database, demo, secret). */
import { prepareInstance } from './instance';

const { databaseFile, seeded } = prepareInstance();
console.log(`Database: ${databaseFile}${seeded ? ' (demo study seeded)' : ''}`);
