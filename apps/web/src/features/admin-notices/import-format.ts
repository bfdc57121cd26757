import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { apiErrorCode, isConnectionError } from '../../shared/errors';
import { lineSpan } from './highlight';

/** What POST /notices/extract-text came to: the file's text, or why there is none. */
export type ExtractOutcome = { kind: 'text'; text: string; format: string; pages: number | null } | { kind: 'refused'; message: string };

/** The API's answer, whatever its status, as an outcome; `failed` words a refusal without a message. */
export function extractOutcome(ok: boolean, body: unknown, failed: string): ExtractOutcome {
  const b = (body ?? {}) as { text?: unknown; format?: unknown; pages?: unknown; message?: unknown };
  if (ok && typeof b.text === 'string') {
    return {
      kind: 'text',
      text: b.text,
      format: typeof b.format === 'string' ? b.format : '',
      pages: typeof b.pages === 'number' ? b.pages : null,
    };
  }
  return { kind: 'refused', message: typeof b.message === 'string' && b.message ? b.message : failed };
}

/**
 * Why importNotice refused the text: a line of it (BAD_USER_INPUT with extensions.line), a notice
 * already there (CONFLICT with extensions.policyId: open that one), or anything else in words.
 */
export type ImportFailure =
  | { kind: 'line'; line: number; message: string }
  | { kind: 'conflict'; policyId: string | null; message: string }
  | { kind: 'network' }
  | { kind: 'other'; message: string };

export function importFailure(error: unknown): ImportFailure {
  const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
  const ext = (first?.extensions ?? {}) as Record<string, unknown>;
  const message = first?.message ?? (error instanceof Error ? error.message : String(error));
  const code = apiErrorCode(error);
  if (code === 'CONFLICT') return { kind: 'conflict', policyId: typeof ext.policyId === 'string' ? ext.policyId : null, message };
  if (code === 'BAD_USER_INPUT' && typeof ext.line === 'number' && ext.line >= 1) {
    // The API may already say 第12行: the page adds the line itself, so it is not said twice.
    return { kind: 'line', line: ext.line, message: message.replace(/^第\s*\d+\s*行[：:]\s*/, '') };
  }
  if (!first && isConnectionError(error)) return { kind: 'network' };
  return { kind: 'other', message };
}

/** How many lines the pasted text has (what the 第N行 of an error counts). */
export function lineCount(text: string): number {
  return text ? text.split('\n').length : 0;
}

/**
 * Selects a line of a textarea and scrolls it into view, so the office sees the line an error
 * names. The scroll is proportional to the line's place (wrapped lines make it approximate);
 * the selection is exact.
 */
export function selectLine(textarea: HTMLTextAreaElement, line: number): void {
  const text = textarea.value;
  const span = lineSpan(text, line);
  if (!span) return;
  textarea.focus();
  textarea.setSelectionRange(span.start, span.end);
  const lines = lineCount(text);
  const ratio = lines > 1 ? (line - 1) / lines : 0;
  textarea.scrollTop = Math.max(0, ratio * textarea.scrollHeight - textarea.clientHeight / 3);
}
