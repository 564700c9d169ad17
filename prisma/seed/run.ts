// Entry point of `npm run db:seed` (and of `npm start` on an empty database).
import { prisma } from '@/lib/db';
import { seedDemo } from './demo';
import { DEMO_ACCOUNTS } from './users';

const result = await seedDemo(prisma);
console.log(`Demo data ready: ${result.trials.length} trials, ${result.candidatesCreated} new candidates.`);
if (process.env.TRIALDESK_PRINT_ACCOUNTS !== '0') {
  console.log('Demo accounts:');
  for (const account of DEMO_ACCOUNTS)
    console.log(`  ${account.role.padEnd(11)} ${account.email.padEnd(28)} ${account.password}`);
}
await prisma.$disconnect();
