import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets the replicas must share (the token signing key when TOKEN_SECRET is not set). Kept in
 * the database so that any replica verifies any token without extra configuration.
 */
@Entity('app_secret')
export class AppSecret {
  @PrimaryColumn('text')
  name!: string;

  @Column('text')
  value!: string;
}
