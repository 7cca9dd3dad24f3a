import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { clientAddress } from './rate-limit';
import { signInSchema } from './schemas';
import { signInWithPassword } from './sign-in-with-password';

/** Shown on the sign-in page; the code travels in the URL, so it says nothing sensitive. */
export class RateLimitedSignIn extends CredentialsSignin {
  override code = 'rate_limited';
}

/** Sessions last a working day; roles and the disabled flag are re-read on every request. */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  // A wrong password is an expected outcome, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const user = await signInWithPassword({ ...parsed.data, client: clientAddress(request.headers) });
          return { id: String(user.id), email: user.email, name: user.name };
        } catch (error) {
          if (isAppError(error) && error.code === 'RATE_LIMITED') throw new RateLimitedSignIn();
          if (isAppError(error) && error.code === 'UNAUTHENTICATED') return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
