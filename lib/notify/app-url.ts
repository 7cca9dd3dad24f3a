import { environment } from '@/lib/env';

/** The address people open Stockroom at, for links sent out (APP_URL; else this machine). */
export function appUrl(): string {
  return (environment().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}

export function productUrl(productId: number): string {
  return `${appUrl()}/products/${productId}`;
}
