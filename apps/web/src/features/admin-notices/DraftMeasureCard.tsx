import { useState } from 'react';
import { Button, Card, Tag, Tooltip, Typography } from 'antd';
import type { DraftPolicyFragment } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { AgencyPicker } from './AgencyPicker';
import { DraftTargets } from './DraftTargets';
import { MapAgencyDialog } from './MapAgencyDialog';
import { responsibilityKey } from './notice-marks';
import type { DraftCorrections } from './useDraftCorrections';

type Measure = DraftPolicyFragment['measures'][number];
type Responsibility = Measure['responsibilities'][number];

export interface MeasureCardProps {
  policy: DraftPolicyFragment;
  measure: Measure;
  corrections: DraftCorrections;
  editable: boolean;
  years: number[];
  /** The mark the office points at (hover: highlight; click: scroll the text to it too). */
  onPoint: (id: string, scroll: boolean) => void;
  activeId: string | null;
}

/** One measure: its title (editable), its units with 牵头/配合 and its targets. */
export function DraftMeasureCard(props: MeasureCardProps) {
  const { policy, measure, corrections, editable, onPoint } = props;
  const { t } = useI18n();
  return (
    <Card
      size="small"
      data-testid={`draft-measure-${measure.seq}`}
      data-anchor={measure.id}
      title={
        <Typography.Link onClick={() => onPoint(measure.id, true)} className="ls-draft-measure-no">
          {t('noticeDraft.measureLabel', { seq: measure.seq })}
        </Typography.Link>
      }
    >
      <Typography.Paragraph
        strong
        editable={
          editable && {
            tooltip: t('noticeDraft.editTitle'),
            onChange: (title) => {
              if (title.trim() && title.trim() !== measure.title)
                void corrections.updateMeasure({ measureId: measure.id, title: title.trim() });
            },
          }
        }
        data-testid="draft-measure-title"
      >
        {measure.title}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('noticeDraft.responsibilities')}</Typography.Text>
      <Responsibilities {...props} />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('noticeDraft.targets')}
      </Typography.Text>
      <DraftTargets
        policy={policy}
        measure={measure}
        corrections={corrections}
        editable={editable}
        years={props.years}
        onPoint={onPoint}
        activeId={props.activeId}
      />
    </Card>
  );
}

function Responsibilities({ policy, measure, corrections, editable, onPoint, activeId }: MeasureCardProps) {
  const { t } = useI18n();
  const display = useDisplayText();
  const [mapping, setMapping] = useState<Responsibility['agency'] | null>(null);
  const [adding, setAdding] = useState(false);
  const roleName = (role: 'LEAD' | 'CO') => (role === 'LEAD' ? t('noticeDraft.lead') : t('noticeDraft.co'));

  return (
    <div className="ls-draft-units" data-testid="draft-units">
      {!measure.responsibilities.length && <Typography.Text type="warning">{t('noticeDraft.noUnits')}</Typography.Text>}
      {measure.responsibilities.map((r) => {
        const key = responsibilityKey(measure.id, r.agency.id);
        const other = r.role === 'LEAD' ? 'CO' : 'LEAD';
        const why = [
          r.words && t('noticeDraft.words', { words: r.words }),
          r.roleWords && t('noticeDraft.roleWords', { words: r.roleWords }),
        ]
          .filter(Boolean)
          .join('\n');
        return (
          <span
            key={r.agency.id}
            className={`ls-draft-unit${r.agency.createdByImport ? ' is-new' : ''}${activeId === key ? ' is-active' : ''}`}
            data-testid="draft-unit"
            data-agency={r.agency.id}
            onMouseEnter={() => onPoint(key, false)}
          >
            <Tooltip title={why || undefined}>
              <Typography.Link onClick={() => onPoint(key, true)}>{display(r.agency.shortName || r.agency.name)}</Typography.Link>
            </Tooltip>
            {editable ? (
              <Button
                size="small"
                type={r.role === 'LEAD' ? 'primary' : 'default'}
                title={t('noticeDraft.toggleRole', { role: roleName(other) })}
                onClick={() => void corrections.setResponsibility({ measureId: measure.id, agencyId: r.agency.id, role: other })}
                data-testid="draft-unit-role"
              >
                {roleName(r.role)}
              </Button>
            ) : (
              <Tag>{roleName(r.role)}</Tag>
            )}
            {r.agency.createdByImport && (
              <Tag color="orange" data-testid="draft-unit-new">
                {t('noticeDraft.newAgency')}
              </Tag>
            )}
            {editable && r.agency.createdByImport && (
              <Button size="small" type="link" onClick={() => setMapping(r.agency)} data-testid="draft-unit-map">
                {t('noticeDraft.mapAgency')}
              </Button>
            )}
            {editable && (
              <Button
                size="small"
                type="text"
                aria-label={t('noticeDraft.removeUnit', { name: display(r.agency.name) })}
                onClick={() => void corrections.removeResponsibility({ measureId: measure.id, agencyId: r.agency.id })}
                data-testid="draft-unit-remove"
              >
                ×
              </Button>
            )}
          </span>
        );
      })}
      {editable &&
        (adding ? (
          <AgencyPicker
            exclude={measure.responsibilities.map((r) => r.agency.id)}
            onChange={(agencyId) => {
              setAdding(false);
              void corrections.setResponsibility({ measureId: measure.id, agencyId, role: 'CO' });
            }}
            testId="draft-unit-add-picker"
          />
        ) : (
          <Button size="small" type="dashed" onClick={() => setAdding(true)} data-testid="draft-unit-add">
            + {t('noticeDraft.addUnit')}
          </Button>
        ))}
      {mapping && <MapAgencyDialog policyId={policy.id} from={mapping} corrections={corrections} onClose={() => setMapping(null)} />}
    </div>
  );
}
