/** Whether a participant's answers must show crisis resources at once and alert clinicians. */
export function raisesSuicidalityAlert(flags: readonly string[]): boolean {
  return flags.includes('suicidality_item9');
}
