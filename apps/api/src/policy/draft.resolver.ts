import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import type { AuthUser, RequestContext } from '../common/request-context';
import { DraftCorrectionsService } from './draft-corrections.service';
import { DraftTargetsService } from './draft-targets.service';
import {
  AddDraftTargetInput,
  MapDraftAgencyInput,
  RemoveDraftResponsibilityInput,
  RemoveDraftTargetInput,
  SetDraftResponsibilityInput,
  UpdateDraftMeasureInput,
  UpdateDraftPolicyInput,
  UpdateDraftTargetInput,
} from './dto/draft.inputs';
import { NoticeImportService } from './notice-import.service';
import { Policy } from './policy.entity';
import { PublishService } from './publish.service';

const CORRECTION =
  'a correction of a DRAFT (OFFICE, ADMIN): version is the policy’s version as last read (stale: CONFLICT); returns the policy with its version raised';

/** Bringing in a notice: import its text as a DRAFT, correct it, publish it. Every step audited. */
@Roles('ADMIN', 'OFFICE')
@Resolver()
export class DraftResolver {
  constructor(
    private readonly imports: NoticeImportService,
    private readonly publishing: PublishService,
    private readonly corrections: DraftCorrectionsService,
    private readonly targets: DraftTargetsService,
  ) {}

  @Mutation(() => Policy, {
    description:
      'Reads a notice’s text into a DRAFT policy with its warnings (OFFICE, ADMIN). Not a notice: BAD_USER_INPUT (extensions.line); its docNumber taken: CONFLICT',
  })
  importNotice(@Args('text') text: string, @CurrentUser() actor: AuthUser, @Context() ctx: RequestContext): Promise<Policy> {
    return this.imports.importNotice(actor, text, ctx.requestId);
  }

  @Mutation(() => Policy, {
    description:
      'Opens a DRAFT for reporting: creates its periods and makes it PUBLISHED (OFFICE, ADMIN). Refused while the doc number or the date is a stand-in',
  })
  publishPolicy(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.publishing.publish(actor, id, ctx.requestId);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes a DRAFT with everything imported with it (OFFICE, ADMIN); a published policy is refused',
  })
  deleteDraftPolicy(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    return this.publishing.deleteDraft(actor, id, ctx.requestId);
  }

  @Mutation(() => Policy, { description: `Sets a draft’s doc number, title, issuer or issue date: ${CORRECTION}` })
  updateDraftPolicy(
    @Args('input') input: UpdateDraftPolicyInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.corrections.updatePolicy(actor, input, ctx.requestId);
  }

  @Mutation(() => Policy, { description: `Sets a measure’s title: ${CORRECTION}` })
  updateDraftMeasure(
    @Args('input') input: UpdateDraftMeasureInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.corrections.updateMeasure(actor, input, ctx.requestId);
  }

  @Mutation(() => Policy, { description: `Makes a unit responsible for a measure, or changes its role: ${CORRECTION}` })
  setDraftResponsibility(
    @Args('input') input: SetDraftResponsibilityInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.corrections.setResponsibility(actor, input, ctx.requestId);
  }

  @Mutation(() => Policy, { description: `Removes a unit from a measure: ${CORRECTION}` })
  removeDraftResponsibility(
    @Args('input') input: RemoveDraftResponsibilityInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.corrections.removeResponsibility(actor, input, ctx.requestId);
  }

  @Mutation(() => Policy, {
    description: `Moves every responsibility of one unit in the draft to another (LEAD wins), deletes an unused import-created unit, and with remember adds its name as an alias: ${CORRECTION}`,
  })
  mapDraftAgency(
    @Args('input') input: MapDraftAgencyInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.corrections.mapAgency(actor, input, ctx.requestId);
  }

  @Mutation(() => Policy, { description: `Adds a target to a measure, one per year given (每年 targets): ${CORRECTION}` })
  addDraftTarget(
    @Args('input') input: AddDraftTargetInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.targets.add(actor, input, ctx.requestId);
  }

  @Mutation(() => Policy, { description: `Changes a target’s name, unit, value, direction or year: ${CORRECTION}` })
  updateDraftTarget(
    @Args('input') input: UpdateDraftTargetInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.targets.update(actor, input, ctx.requestId);
  }

  @Mutation(() => Policy, { description: `Removes a target: ${CORRECTION}` })
  removeDraftTarget(
    @Args('input') input: RemoveDraftTargetInput,
    @CurrentUser() actor: AuthUser,
    @Context() ctx: RequestContext,
  ): Promise<Policy> {
    return this.targets.remove(actor, input, ctx.requestId);
  }
}
