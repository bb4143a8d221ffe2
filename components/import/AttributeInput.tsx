'use client';
import type { AttributeValueType } from '@/lib/attributes/validate';

/** An attribute definition as the inputs need it. */
export interface AttributeField {
  id: number;
  name: string;
  type: AttributeValueType;
  values: string[];
}

/**
 * One attribute value, edited by type: a category as a choice of its values (keeping a value
 * that is not in the list, so it shows rather than vanishes), a date as a date picker (ISO),
 * a number or text as a text box. '' means no value.
 */
export function AttributeInput({
  field,
  value,
  onChange,
  label,
  invalid,
  title,
}: {
  field: AttributeField;
  value: string;
  onChange: (value: string) => void;
  label: string;
  invalid?: boolean;
  title?: string;
}) {
  const common = { 'aria-label': label, 'aria-invalid': invalid || undefined, title, className: invalid ? 'invalid' : undefined };
  if (field.type === 'category') {
    const options = value !== '' && !field.values.includes(value) ? [...field.values, value] : field.values;
    return (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {options.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'date') return <input {...common} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
  return <input {...common} type="text" inputMode={field.type === 'number' ? 'decimal' : undefined} value={value} onChange={(e) => onChange(e.target.value)} />;
}
