import { ValueTransformer } from 'typeorm';

/** PostgreSQL `numeric` arrives as a string (exact decimal); the API speaks JSON numbers. */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
