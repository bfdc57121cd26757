import { memo, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Flex, Input, Popconfirm, Radio, Typography } from 'antd';
import type { ReportFormQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { ConflictNotices } from './ConflictNotices';
import { TEXT_FIELDS, type TextField } from './draft';
import type { ReportDraftStore } from './draft-store';
import { gridRows, toFigureInputs, type FigureGrid } from './figure-grid';
import { FigureGridFields } from './FigureGridFields';
import { FormAttachments } from './FormAttachments';
import { formatPeriodLabel } from '../../shared/format';
import { ReportTexts } from '../../shared/ReportTexts';
import { SaveStatus, useFieldMessage } from './SaveStatus';
import { StateTag } from '../../shared/StateTag';
import { isEditableStatus, taskStateOf, UNIT_STATUSES, unitStatusKey } from '../../shared/task-state';

export type FormTask = ReportFormQuery['reportTasks'][number];

const PLACEHOLDERS = {
  progress: 'report.progressPlaceholder',
  problems: 'report.problemsPlaceholder',
  nextSteps: 'report.nextStepsPlaceholder',
} as const;

function TextFieldInput({
  field,
  value,
  error,
  onChange,
  onBlur,
}: {
  field: TextField;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
  onBlur: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="ls-field">
      <label htmlFor={id} className="ls-field-label">
        {t(`report.${field}`)}
      </label>
      <Input.TextArea
        id={id}
        value={value}
        placeholder={t(PLACEHOLDERS[field])}
        autoSize={{ minRows: field === 'progress' ? 4 : 2, maxRows: 16 }}
        maxLength={20_000}
        status={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        data-testid={`field-${field}`}
      />
      {error && (
        <div id={`${id}-error`} className="ls-field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** One measure of the unit's form: its texts, self-assessment and figures, saved as a draft as typed. */
export const MeasureReportCard = memo(function MeasureReportCard({
  store,
  task,
  grid,
}: {
  store: ReportDraftStore;
  task: FormTask;
  grid: FigureGrid;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const messageText = useFieldMessage();
  const measureId = task.measure.id;
  const draft = useSyncExternalStore(store.subscribe, () => store.get(measureId));
  const [copiedFrom, setCopiedFrom] = useState<string | null>(null);
  const rows = useMemo(() => gridRows(grid), [grid]);
  const status = draft.report?.status ?? null;
  const editable = isEditableStatus(status);

  const clientFigureErrors = useMemo(() => toFigureInputs(draft.fields.figures, rows).errors, [draft.fields.figures, rows]);
  const figureErrors: Record<string, string> = {};
  for (const row of rows) {
    const server = draft.errors[row.key];
    const client = clientFigureErrors[row.key];
    if (client) figureErrors[row.key] = t(`figure.error.${client}`);
    else if (server) figureErrors[row.key] = messageText(server);
  }
  const fieldError = (field: string) => (draft.errors[field] ? messageText(draft.errors[field]) : null);
  const flush = () => void store.flush(measureId);

  const previous = task.previousReport;
  const hasText = TEXT_FIELDS.some((f) => draft.fields[f].trim() !== '');
  const copyPrevious = () => {
    if (!previous) return;
    // Texts only: the figures are this quarter's own, and the self-assessment is judged afresh.
    store.edit(measureId, { progress: previous.progress, problems: previous.problems, nextSteps: previous.nextSteps });
    setCopiedFrom(formatPeriodLabel(previous.period.label, lang));
  };
  const copyButton = (
    <Button onClick={hasText ? undefined : copyPrevious} data-testid="copy-previous">
      {t('report.copyPrevious')}
    </Button>
  );

  return (
    <Card
      size="small"
      className="ls-report-card"
      data-testid="measure-report"
      data-measure-seq={task.measure.seq}
      data-status={status ?? 'NOT_STARTED'}
    >
      <div className="ls-report-card-head">
        <Typography.Title level={2} className="ls-measure-title">
          <span className="ls-measure-number">{measureNumber(task.measure.seq, lang)}</span>
          {lang === 'en' && ' '}
          {display(stripLeadingNumber(task.measure.title))}
        </Typography.Title>
        <Flex gap={4} wrap>
          <StateTag state={taskStateOf(status)} />
        </Flex>
      </div>

      {status === 'RETURNED' && draft.report?.reviewComment && (
        <Alert
          type="error"
          showIcon
          className="ls-card-alert"
          title={t('report.returnedTitle')}
          description={draft.report.reviewComment}
          data-testid="return-comment"
        />
      )}
      {(status === 'SUBMITTED' || status === 'ACCEPTED') && (
        <Alert
          type={status === 'ACCEPTED' ? 'success' : 'info'}
          showIcon
          className="ls-card-alert"
          title={t(`report.readOnly.${status}`)}
        />
      )}
      <ConflictNotices draft={draft} store={store} />
      {copiedFrom && editable && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setCopiedFrom(null) }}
          className="ls-card-alert"
          title={t('report.copiedPrevious', { period: copiedFrom })}
        />
      )}

      {editable ? (
        <div className="ls-report-fields">
          {TEXT_FIELDS.map((field) => (
            <TextFieldInput
              key={field}
              field={field}
              value={draft.fields[field]}
              error={fieldError(field)}
              onChange={(value) => store.edit(measureId, { [field]: value })}
              onBlur={flush}
            />
          ))}
          <fieldset className="ls-field">
            <legend className="ls-field-label">{t('report.unitStatus')}</legend>
            <Radio.Group
              value={draft.fields.unitStatus}
              onChange={(e) => {
                store.edit(measureId, { unitStatus: e.target.value });
                flush(); // a choice, not typing: no reason to wait
              }}
              options={UNIT_STATUSES.map((s) => ({ value: s, label: t(unitStatusKey(s)) }))}
              className="ls-unit-status"
            />
          </fieldset>
        </div>
      ) : (
        <ReportTexts report={draft.fields} />
      )}
      <FigureGridFields
        grid={grid}
        figures={draft.fields.figures}
        errors={figureErrors}
        editable={editable}
        onChange={(key, raw) => store.editFigure(measureId, key, raw)}
        onBlur={flush}
      />
      {draft.errors.form && <Alert type="error" showIcon className="ls-card-alert" title={messageText(draft.errors.form)} role="alert" />}
      <FormAttachments reportId={draft.report?.id ?? null} editable={editable} />

      <div className="ls-report-card-foot">
        {editable ? (
          <SaveStatus draft={draft} figuresHeld={Object.keys(clientFigureErrors).length > 0} onRetry={() => void store.retry(measureId)} />
        ) : (
          <span />
        )}
        <Flex wrap gap={8} justify="flex-end">
          {draft.report && !editable && <Link to={`/reports/${draft.report.id}`}>{t('report.viewReport')}</Link>}
          {editable &&
            previous &&
            (hasText ? (
              <Popconfirm
                title={t('report.copyPreviousConfirm', { period: formatPeriodLabel(previous.period.label, lang) })}
                okText={t('report.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={copyPrevious}
              >
                {copyButton}
              </Popconfirm>
            ) : (
              copyButton
            ))}
          {editable && (
            <Popconfirm
              title={t('report.submitConfirm')}
              okText={t('report.submit')}
              cancelText={t('common.cancel')}
              onConfirm={() => void store.submit(measureId)}
            >
              <Button
                type="primary"
                loading={draft.busy === 'submitting'}
                disabled={draft.save.kind === 'conflict'}
                data-testid="submit-measure"
              >
                {t('report.submit')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </div>
    </Card>
  );
});
