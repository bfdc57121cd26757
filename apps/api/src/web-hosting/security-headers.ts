import type { NextFunction, Request, Response } from 'express';

/**
 * The dashboard's Content-Security-Policy: scripts, styles and requests only from this server. Styles
 * may be inline because Ant Design writes its CSS-in-JS into <style> elements; images may be data:/blob:
 * URLs (the inline icon, charts exported as PNG). No frames of other sites, no plugins, no <base> tricks.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** What the API answers (JSON, downloads) may never run as a page, whatever a browser sniffs. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The usual headers on every answer; the dashboard's pages replace the CSP with their own. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  // Browsers honour it only over HTTPS, where it keeps the next visits on HTTPS.
  res.setHeader('Strict-Transport-Security', 'max-age=15552000');
  res.setHeader('Content-Security-Policy', API_CSP);
  next();
}
