/** For `npm run dev`: the same preparation as `npm start` (database, demo, secret). */
import { prepareInstance } from './instance';

void prepareInstance().then(({ databaseFile, seeded }) => console.log(`Database: ${databaseFile}${seeded ? ' (demo study seeded)' : ''}`));
