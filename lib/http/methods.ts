// The methods TrialDesk answers at all. Anything else (TRACE, CONNECT, PROPFIND,
// made-up verbs) gets 405 from the proxy before any page or route runs.
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method.toUpperCase());
}
