/**
 * Cross-checks of the addresses content claims: the server redirects a former path before it
 * looks for a page there, and answers a withdrawn article's address with 410 Gone, so no article
 * may be at such an address now, and each leads to one article only.
 */
import type { Withdrawal } from "./bundle";
import type { Problems } from "./problems";

/** Each former path: neither an article's address now, nor another article's former path. Returns who claims each. */
export function checkFormerPaths(
  formerPathsOf: { file: string; formerPaths: string[] }[],
  fileAtPath: Map<string, string>,
  problems: Problems,
): Map<string, string> {
  const claimedBy = new Map<string, string>();
  for (const { file, formerPaths } of formerPathsOf) {
    formerPaths.forEach((former, index) => {
      const field = `formerPaths[${index}]`;
      const current = fileAtPath.get(former);
      if (current === file) problems.add(file, field, "is this article's own address: it would redirect to itself");
      else if (current) problems.add(file, field, `is the address of ${problems.display(current)} now`);
      const claimant = claimedBy.get(former);
      if (claimant)
        problems.add(file, field, `is also a former path of ${problems.display(claimant)}: an address can lead to one article only`);
      claimedBy.set(former, file);
    });
  }
  return claimedBy;
}

/** Each withdrawn address: no article there now, none leading there, listed once. */
export function checkWithdrawals(
  file: string,
  withdrawals: Withdrawal[],
  fileAtPath: Map<string, string>,
  claimedBy: Map<string, string>,
  problems: Problems,
) {
  const listed = new Set<string>();
  withdrawals.forEach((withdrawal, index) => {
    const field = `[${index}].path`;
    const current = fileAtPath.get(withdrawal.path);
    if (current) problems.add(file, field, `is the address of ${problems.display(current)}: delete that module to withdraw the article`);
    const claimant = claimedBy.get(withdrawal.path);
    if (claimant) problems.add(file, field, `is a former path of ${problems.display(claimant)}, which it leads to`);
    if (listed.has(withdrawal.path)) problems.add(file, field, "is listed twice");
    listed.add(withdrawal.path);
  });
}
