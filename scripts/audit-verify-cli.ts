// The TypeScript side of `npm run audit:verify` (DATABASE_URL and AUDIT_KEY set by scripts/audit-verify.mjs).
import { verifyAuditChainFull } from '@/lib/audit/verify-audit-chain';
import { prisma } from '@/lib/db';

const started = Date.now();
try {
  const result = await verifyAuditChainFull(prisma);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.problem) {
    console.error(`Audit chain BROKEN: ${result.problem.message}`);
    console.error(`Events #1 to #${result.verifiedThrough} before it verified (${seconds} s).`);
    process.exitCode = 1;
  } else {
    console.log(
      `Audit chain intact: ${result.eventCount} event(s), #1 to #${result.verifiedThrough}, verified in ${seconds} s.`,
    );
  }
} catch (error) {
  console.error(`Could not verify the audit chain: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await prisma.$disconnect();
}
