'use client';

import type { UseFormRegister } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { LABS, NUMERIC_MEASURES, type LabCode, type NumericMeasureCode } from '@/lib/measures/vocabulary';
import { optionalNumber, requiredNumber, type FormValues, type Row, type RowField } from './measurement-row-model';

// The value inputs of a free-form measurement row: a number with its unit, or a lab result with
// the reporting lab's limits.

export function NumericFields({
  index,
  code,
  row,
  register,
  message,
}: {
  index: number;
  code: NumericMeasureCode;
  row: Row | undefined;
  register: UseFormRegister<FormValues>;
  message: (field: RowField) => string | undefined;
}) {
  const def = NUMERIC_MEASURES[code];
  const units = [def.unit, ...Object.keys(def.alternateUnits)].filter((unit) => unit !== '');
  const unit = row?.unit || def.unit;
  const factor = unit === def.unit ? 1 : def.alternateUnits[unit];
  const value = typeof row?.value === 'number' ? row.value : Number.NaN;
  const converted =
    factor !== undefined && factor !== 1 && Number.isFinite(value) ? Math.round(value * factor * 10) / 10 : null;
  const range = `${def.min}–${def.max}${def.unit ? ` ${def.unit}` : ''}`;
  return (
    <>
      <Field
        label={units.length === 1 ? `Value (${units[0]})` : 'Value'}
        className={units.length > 1 ? 'lg:col-span-2' : 'lg:col-span-3'}
        required
        hint={converted !== null ? `= ${converted} ${def.unit}` : `Range ${range}`}
        error={message('value')}
      >
        <Input
          type="number"
          inputMode="decimal"
          step={def.step}
          {...register(`measurements.${index}.value`, { setValueAs: requiredNumber })}
        />
      </Field>
      {units.length > 1 ? (
        // Two columns and a floor: in one column the chosen unit (kg/lb) was cut off.
        <Field label="Unit" className="lg:col-span-2" error={message('unit')}>
          <Select
            className="min-w-24"
            options={units.map((option) => ({ value: option, label: option }))}
            {...register(`measurements.${index}.unit`)}
          />
        </Field>
      ) : null}
    </>
  );
}

export function LabFields({
  index,
  code,
  register,
  message,
}: {
  index: number;
  code: LabCode;
  register: UseFormRegister<FormValues>;
  message: (field: RowField) => string | undefined;
}) {
  const def = LABS[code];
  return (
    <>
      <Field label="Result" className="lg:col-span-2" required error={message('value')}>
        <Input
          type="number"
          inputMode="decimal"
          step={def.step}
          {...register(`measurements.${index}.value`, { setValueAs: requiredNumber })}
        />
      </Field>
      {def.units.length > 1 ? (
        <Field label="Unit" className="lg:col-span-2" error={message('unit')}>
          <Select
            options={def.units.map((unit) => ({ value: unit, label: unit }))}
            {...register(`measurements.${index}.unit`)}
          />
        </Field>
      ) : null}
      <Field
        label="ULN"
        hint={`Upper limit of normal, ${def.units.length > 1 ? 'same unit' : def.defaultUnit}`}
        className={def.units.length > 1 ? 'lg:col-span-2' : 'lg:col-span-3'}
        error={message('uln')}
      >
        <Input
          type="number"
          inputMode="decimal"
          step={def.step}
          {...register(`measurements.${index}.uln`, { setValueAs: optionalNumber })}
        />
      </Field>
      <Field
        label="LLN"
        hint="Lower limit of normal, if reported"
        className={def.units.length > 1 ? 'lg:col-span-2' : 'lg:col-span-3'}
        error={message('lln')}
      >
        <Input
          type="number"
          inputMode="decimal"
          step={def.step}
          {...register(`measurements.${index}.lln`, { setValueAs: optionalNumber })}
        />
      </Field>
    </>
  );
}
