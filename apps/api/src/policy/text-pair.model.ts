import { Field, ObjectType } from '@nestjs/graphql';

/** A text of a notice as stored (traditional characters) and as shown in the simplified UI. */
@ObjectType()
export class TextPair {
  @Field(() => String, { description: 'As stored: traditional characters' })
  text!: string;

  @Field(() => String, { description: 'The same text in simplified characters' })
  simplified!: string;
}
