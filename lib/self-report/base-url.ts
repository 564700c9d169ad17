/** The app's public URL for links sent to participants: NEXTAUTH_URL when set (a deployment), else the request's own origin. */
export function publicBaseUrl(requestOrigin: string): string {
  return process.env.NEXTAUTH_URL || requestOrigin;
}
