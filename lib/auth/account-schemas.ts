import { z } from 'zod';
import { idParamSchema } from '@/lib/inventory/schema-parts';
import { recordIdSchema } from '@/lib/output-schema-parts';
import { pageQuerySchema } from '@/lib/pagination';
import { passwordSchema, personNameSchema, roleSchema } from './schemas';

/** One's own password: the current one proves it is really them, not a borrowed session. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string({ message: 'Enter your current password' }).min(1, 'Enter your current password').max(200, 'Password is too long'),
  newPassword: passwordSchema,
});

/** An ADMIN sets someone's password (a forgotten one, a leaver's shared account). */
export const setPasswordSchema = z.strictObject({ newPassword: passwordSchema });

/** PATCH /api/me: one's own name and email preference; role and status are an ADMIN's to change. */
export const updateMeSchema = z
  .strictObject({
    name: personNameSchema.optional(),
    notifyLowStock: z.boolean({ message: 'notifyLowStock must be true or false' }).optional(),
  })
  .refine((input) => input.name !== undefined || input.notifyLowStock !== undefined, { message: 'Send at least one of name, notifyLowStock' });

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
export type SetPasswordInput = z.output<typeof setPasswordSchema>;
export type UpdateMeInput = z.output<typeof updateMeSchema>;

export const meResponseSchema = z
  .object({
    id: recordIdSchema,
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    notifyLowStock: z.boolean().describe('Sends an email for each low-stock alert opened (when the server has SMTP_URL)'),
  })
  .meta({ id: 'Me' });

/** GET /api/tokens: one's own tokens, or (an ADMIN) someone else's with `?userId=`. */
export const tokenListQuerySchema = pageQuerySchema.extend({ userId: idParamSchema.optional() });
