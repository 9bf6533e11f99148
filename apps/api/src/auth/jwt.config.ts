export const JWT_ISSUER = 'kumamoto-dispatch';
export const JWT_AUDIENCE = 'kumamoto-dispatch-api';
export const JWT_ALGORITHM = 'HS256';

/** What an access token carries: who, which role, the session generation, and the sign-in it belongs to. */
export interface AccessTokenClaims {
  sub: string;
  role: string;
  ver: number;
  /** The refresh-token family (one sign-in on one device): a password change keeps this one. */
  sid?: string;
}
