import { z } from 'zod';
import { plainTextSchema } from '@/lib/plain-text';
import { recordIdSchema, timestampSchema } from '@/lib/output-schema-parts';
import { ROLES } from './roles';

export const emailSchema = plainTextSchema('line', 'Email', 'Email is required')
  .trim()
  .min(1, 'Email is required')
  .max(254, 'Email is too long')
  .pipe(z.email('Enter a valid email address'))
  .transform((email) => email.toLowerCase());

/** bcrypt reads the first 72 bytes of a password and ignores the rest: longer is refused, never cut. */
export const PASSWORD_MAX_BYTES = 72;

export const passwordSchema = z
  .string({ message: 'Password is required' })
  .min(10, 'Password must be at least 10 characters')
  .refine((password) => Buffer.byteLength(password, 'utf8') <= PASSWORD_MAX_BYTES, {
    message: `Password must be at most ${PASSWORD_MAX_BYTES} bytes (72 plain letters or digits; accented letters and emoji take 2 to 4 each)`,
  });

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES, { message: 'Scope must be "read" or "write"' });
export const tokenLifetimeSchema = z
  .number({ message: 'expiresInDays must be a whole number of days from 1 to 365' })
  .int('expiresInDays must be a whole number of days from 1 to 365')
  .min(1, 'expiresInDays must be at least 1')
  .max(365, 'expiresInDays must be at most 365');

export const personNameSchema = plainTextSchema('line', 'Name', 'Name is required')
  .trim()
  .min(1, 'Name is required')
  .max(120, 'Name must be at most 120 characters');

export const roleSchema = z.enum(ROLES, { message: `Role must be one of ${ROLES.join(', ')}` });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ message: 'Password is required' }).min(1, 'Password is required').max(200, 'Password is too long'),
});

export const tokenExchangeSchema = z.strictObject({
  email: emailSchema,
  password: z.string({ message: 'Password is required' }).min(1, 'Password is required').max(200, 'Password is too long'),
  name: plainTextSchema('line', 'Token name', 'Token name is required')
    .trim()
    .min(1, 'Token name is required')
    .max(100, 'Token name must be at most 100 characters'),
  expiresInDays: tokenLifetimeSchema.default(90),
  scope: tokenScopeSchema.default('write'),
});

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
  role: roleSchema,
});

export const updateUserSchema = z
  .strictObject({
    name: personNameSchema.optional(),
    role: roleSchema.optional(),
    disabled: z.boolean({ message: 'disabled must be true or false' }).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'Send at least one of name, role, disabled',
  });

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;

export const userResponseSchema = z
  .object({
    id: recordIdSchema,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    disabled: z.boolean(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'User', description: 'Never the password hash.' });

export const apiTokenResponseSchema = z
  .object({
    id: recordIdSchema,
    name: z.string(),
    prefix: z.string().describe('The first characters of the secret, to tell tokens apart'),
    createdAt: timestampSchema,
    lastUsedAt: timestampSchema.nullable(),
    scope: tokenScopeSchema,
    expiresAt: timestampSchema,
    userId: recordIdSchema.describe('The owner: an ADMIN may list anyone\'s tokens'),
  })
  .meta({ id: 'ApiToken', description: 'Never the secret nor its hash.' });

/** The answer to POST /api/tokens (lib/auth/create-api-token.ts): the only time the secret is shown. */
export const newApiTokenSchema = z
  .object({
    id: recordIdSchema,
    name: z.string(),
    token: z.string().describe('The secret: send it as Authorization: Bearer <token>. Shown once.'),
    scope: tokenScopeSchema,
    expiresAt: timestampSchema,
  })
  .meta({ id: 'NewApiToken' });

export type UserResponse = z.output<typeof userResponseSchema>;
export type ApiTokenResponse = z.output<typeof apiTokenResponseSchema>;
