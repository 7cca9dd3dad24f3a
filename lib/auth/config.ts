import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { requestClient } from './client-address';
import { signInSchema } from './schemas';
import { SESSION_MAX_AGE_SECONDS, withinLifetime } from './session-lifetime';
import { signInWithPassword } from './sign-in-with-password';

declare module 'next-auth' {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    /** The user's session version when this session signed in (users.session_version). */
    sessionVersion?: number;
    /** When this session signed in, in milliseconds since 1970: refreshing does not move it. */
    signedInAt?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    sessionVersion?: number;
    signedInAt?: number;
  }
}

/** Shown on the sign-in page; the code travels in the URL, so it says nothing sensitive. */
export class RateLimitedSignIn extends CredentialsSignin {
  override code = 'rate_limited';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // Auth.js's own HTML pages would be served from /api, outside the app's Content-Security-Policy:
  // each of them leads to the app's sign-in page instead (which reads `error`).
  pages: { signIn: '/login', signOut: '/login', error: '/login', verifyRequest: '/login' },
  // A wrong password is an expected outcome, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
      logger().error({ err: error }, 'Auth.js error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          const user = await signInWithPassword({ ...parsed.data, client: requestClient(request.headers) });
          return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (isAppError(error) && error.code === 'RATE_LIMITED') throw new RateLimitedSignIn();
          if (isAppError(error) && error.code === 'UNAUTHENTICATED') return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = Date.now();
      if (user) {
        token.sessionVersion = user.sessionVersion;
        token.signedInAt = now;
      }
      // Past its lifetime the cookie is cleared rather than refreshed.
      return withinLifetime(token.signedInAt, now) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sessionVersion;
      session.signedInAt = token.signedInAt;
      return session;
    },
  },
});
