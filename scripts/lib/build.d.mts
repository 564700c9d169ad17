export function sourceFingerprint(): string;
export function isBuildCurrent(): boolean;
export function nextBin(): string;
export function buildApp(options?: { env?: Record<string, string> }): Promise<void>;
