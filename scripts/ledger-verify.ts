import { disconnectDatabase } from '@/lib/db/client';
import { verifyLedger } from '@/lib/inventory/verify-ledger';

/**
 * `npm run ledger:verify [-- --include-archive]`: exit 0 when every cache agrees with the ledger
 * (from each level's latest archive checkpoint on), and the archive with its checkpoints when
 * asked; 1 with a list otherwise.
 */
async function main(): Promise<number> {
  const started = performance.now();
  const includeArchive = process.argv.includes('--include-archive');
  const { checkedLevels, checkedProducts, discrepancies } = await verifyLedger({ includeArchive });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (discrepancies.length === 0) {
    console.log(`Ledger verified: ${checkedProducts} products, ${checkedLevels} stock levels, no differences${includeArchive ? ', archive included' : ''} (${seconds} s).`);
    return 0;
  }
  console.error(`Ledger differences found (${discrepancies.length}):`);
  for (const d of discrepancies.slice(0, 200)) {
    const where = d.locationId === null ? `product ${d.productId}` : `product ${d.productId} at location ${d.locationId}`;
    console.error(`  ${d.kind}: ${where}: expected ${d.expected}, found ${d.actual}`);
  }
  if (discrepancies.length > 200) console.error(`  ... and ${discrepancies.length - 200} more`);
  return 1;
}

main()
  .then(async (code) => {
    await disconnectDatabase();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await disconnectDatabase();
    process.exit(2);
  });
