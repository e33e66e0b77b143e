/**
 * ENR-9 / PRT-5: sends the email an entity's state owes at most once per state. The mark is
 * claimed with a compare-and-set before sending, so a repeated or concurrent workflow
 * step sends nothing twice; a failed send gives the claim back for the retry.
 */
export async function notifyOnce(
  owed: string,
  previous: string | undefined,
  mark: (next: string, previous: string | undefined) => Promise<boolean>,
  send: () => Promise<void>,
): Promise<void> {
  if (previous === owed || !(await mark(owed, previous))) return;
  try {
    await send();
  } catch (error) {
    await mark(previous ?? '', owed).catch(() => undefined);
    throw error;
  }
}
