import bcrypt from 'bcryptjs';

/** bcrypt work factor: about 100 ms per hash here, slow enough to make guessing expensive. */
const BCRYPT_COST = 11;

/** Hash of a random string, compared against when the email is unknown so timing says nothing. */
const DECOY_HASH = '$2b$11$6PXDwAcoHNY2aQzqGiom9edgNqwmGc3e/frDRlKzTfsculQEo/inG';

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  return bcrypt.compare(password, hash ?? DECOY_HASH);
}
