export function runTs(
  entry: string,
  options?: { args?: string[]; env?: Record<string, string | undefined> },
): Promise<number>;
