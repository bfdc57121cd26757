import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** What the office should check in an imported notice before publishing it. */
@ObjectType()
export class ImportWarning {
  @Field(() => Int, { nullable: true, description: '1-based line of policy.sourceText; null when not tied to a line' })
  line!: number | null;

  @Field({ description: 'NO_DATE | NO_DOC_NUMBER | NO_UNITS | NEW_AGENCY | NO_TITLE | other parser kinds' })
  kind!: string;

  @Field({ description: 'For the office, in Chinese' })
  message!: string;

  @Field(() => ID, { nullable: true })
  measureId!: string | null;

  @Field(() => ID, { nullable: true, description: 'NEW_AGENCY: the agency the import created' })
  agencyId!: string | null;
}

/** A warning as kept in policy.import_warnings (jsonb). */
export interface StoredImportWarning {
  line: number | null;
  kind: string;
  message: string;
  measureId: string | null;
  agencyId: string | null;
}

/** Offsets into policy.sourceText (JS string offsets, UTF-16): sourceText.slice(start, end). */
@ObjectType()
export class TextSpan {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

/** A span from two nullable columns: both or nothing. */
export const spanOf = (start: number | null | undefined, end: number | null | undefined): TextSpan | null =>
  start === null || start === undefined || end === null || end === undefined ? null : { start, end };
