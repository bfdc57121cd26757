import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Flex, Popover, Tag, Typography } from 'antd';
import { countyByRegionCode } from '@luoshi/domain';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { groupResponsibilities } from './responsibilities';
import type { AgencyData, ResponsibilityData } from './types';

/** Lead units are the ones officials look for first; a solid tag makes them stand out. */
const LEAD_COLOR = '#c0392b';

function UnitTag({ children, lead }: { children: ReactNode; lead: boolean }) {
  return (
    <Tag className="ls-tag" color={lead ? LEAD_COLOR : undefined} variant={lead ? 'solid' : undefined}>
      {children}
    </Tag>
  );
}

function useCountyLabel(): (county: AgencyData) => string {
  const { lang } = useI18n();
  const display = useDisplayText();
  return (county) => {
    const known = lang === 'en' ? countyByRegionCode(county.regionCode ?? '') : undefined;
    return known ? `${known.nameEn} ${display(county.name)}` : display(county.name);
  };
}

/** All seven county governments as one item, 各县（市、区）政府（7）, listing them on tap. */
function AllCountiesTag({ counties, lead }: { counties: AgencyData[]; lead: boolean }) {
  const { t } = useI18n();
  const countyLabel = useCountyLabel();
  const [open, setOpen] = useState(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      setOpen((o) => !o);
    }
  };
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      title={t('measure.countiesTitle')}
      content={
        <Flex wrap gap={6} className="ls-county-list">
          {counties.map((c) => (
            <Tag key={c.id} className="ls-tag">
              {countyLabel(c)}
            </Tag>
          ))}
        </Flex>
      }
    >
      <Tag
        className="ls-tag ls-tag-button"
        color={lead ? LEAD_COLOR : 'blue'}
        variant={lead ? 'solid' : undefined}
        role="button"
        tabIndex={0}
        aria-haspopup="dialog"
        aria-expanded={open}
        onKeyDown={onKeyDown}
      >
        {t('measure.counties', { count: counties.length })} ▾
      </Tag>
    </Popover>
  );
}

function UnitRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="ls-unit-row">
      <Typography.Text type="secondary" className="ls-unit-label">
        {label}
      </Typography.Text>
      <Flex wrap gap={6} className="ls-unit-tags">
        {children}
      </Flex>
    </div>
  );
}

/** 牽頭 units, then co-responsible departments, with the counties grouped into one item. */
export function ResponsibleUnits({ responsibilities }: { responsibilities: readonly ResponsibilityData[] }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const countyLabel = useCountyLabel();
  const { leads, departments, counties, allCounties, countiesLead } = useMemo(
    () => groupResponsibilities(responsibilities),
    [responsibilities],
  );

  const countyItems =
    counties.length === 0 ? null : allCounties ? (
      <AllCountiesTag counties={counties} lead={countiesLead} />
    ) : (
      counties.map((c) => (
        <UnitTag key={c.id} lead={countiesLead}>
          {countyLabel(c)}
        </UnitTag>
      ))
    );
  const hasLeadRow = leads.length > 0 || (countiesLead && countyItems);
  const hasCoRow = departments.length > 0 || (!countiesLead && countyItems);

  return (
    <div className="ls-units">
      {hasLeadRow && (
        <UnitRow label={t('measure.lead')}>
          {leads.map((a) => (
            <UnitTag key={a.id} lead>
              {display(a.name)}
            </UnitTag>
          ))}
          {countiesLead && countyItems}
        </UnitRow>
      )}
      {hasCoRow && (
        <UnitRow label={t('measure.co')}>
          {departments.map((a) => (
            <UnitTag key={a.id} lead={false}>
              {display(a.name)}
            </UnitTag>
          ))}
          {!countiesLead && countyItems}
        </UnitRow>
      )}
    </div>
  );
}
