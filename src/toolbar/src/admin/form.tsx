// Forms of the admin console: fields checked in the page first, then the server's ProblemDetails shown next to the
// field it names (its `errors` keys are the JSON paths, e.g. `settings.wrapUpDefaultSeconds`), or above the form.
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/errors';

export type FieldKind = 'text' | 'email' | 'url' | 'password' | 'number' | 'checkbox' | 'select' | 'checkboxes' | 'list' | 'datetime';
export interface Option { value: string; label: string }
export interface FieldSpec {
  /** The JSON path of the value in the request body ("name", "settings.wrapUpDefaultSeconds"). */
  name: string;
  label: string;
  kind?: FieldKind;
  required?: boolean;
  pattern?: RegExp;
  patternHint?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: Option[];
  hint?: string;
  autocomplete?: string;
}
export type Values = Record<string, unknown>;
export type Errors = Record<string, string>;

/** The page's own check of the values: the message per field name. */
export function validateFields(fields: FieldSpec[], values: Values): Errors {
  const errors: Errors = {};
  for (const f of fields) {
    const v = values[f.name];
    const kind = f.kind ?? 'text';
    if (kind === 'checkbox') continue;
    if (kind === 'checkboxes' || kind === 'list') {
      const list = (v as string[] | undefined) ?? [];
      if (f.required && list.length === 0) errors[f.name] = kind === 'list' ? 'Enter at least one.' : 'Choose at least one.';
      else if (f.pattern && list.some((x) => !f.pattern!.test(x))) errors[f.name] = f.patternHint ?? 'Not valid.';
      continue;
    }
    const text = v === undefined || v === null ? '' : String(v).trim();
    if (!text) { if (f.required) errors[f.name] = 'Required.'; continue; }
    if (f.maxLength && text.length > f.maxLength) errors[f.name] = `At most ${f.maxLength} characters.`;
    else if (kind === 'number') {
      const n = Number(text);
      if (!Number.isInteger(n)) errors[f.name] = 'A whole number.';
      else if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) errors[f.name] = `Between ${f.min} and ${f.max}.`;
    } else if (kind === 'email' && !/^[^@\s]+@[^@\s]+$/.test(text)) errors[f.name] = 'An email address.';
    else if (kind === 'url' && !/^https?:\/\/\S+$/i.test(text)) errors[f.name] = 'A web address starting with https://.';
    else if (f.pattern && !f.pattern.test(text)) errors[f.name] = f.patternHint ?? 'Not valid.';
  }
  return errors;
}

/** The request body: dotted names become nested objects, numbers numbers, empty texts null. */
export function bodyOf(fields: FieldSpec[], values: Values): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    let v = values[f.name];
    const kind = f.kind ?? 'text';
    if (kind === 'number') v = v === '' || v === undefined || v === null ? null : Number(v);
    else if (kind === 'checkbox') v = Boolean(v);
    else if (kind === 'checkboxes' || kind === 'list') v = (v as string[] | undefined) ?? [];
    else if (kind === 'datetime') v = v ? new Date(String(v)).toISOString() : null;
    else v = v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim();
    const path = f.name.split('.');
    let at = body;
    for (const p of path.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]!] = v;
  }
  return body;
}

/** The form's values read from an object (dotted names into nested objects). */
export function valuesOf(fields: FieldSpec[], item: unknown): Values {
  const values: Values = {};
  for (const f of fields) {
    let v: unknown = item;
    for (const p of f.name.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    values[f.name] = v ?? ((f.kind === 'checkboxes' || f.kind === 'list') ? [] : f.kind === 'checkbox' ? false : '');
  }
  return values;
}

/** Splits a refusal into messages per field (ValidationProblemDetails `errors`, or a code a field owns) and the rest. */
export function problemMessages(e: unknown, fields: FieldSpec[], codeFields: Record<string, string> = {}): { fields: Errors; form?: string } {
  if (!(e instanceof ApiError)) return { fields: {}, form: e instanceof Error ? e.message : String(e) };
  const pd = (e.problem && typeof e.problem === 'object' ? e.problem : {}) as { errors?: Record<string, string[]>; detail?: string; title?: string };
  // The server's own words for a refusal that is not a list of field errors ("Endpoint demo-2101 exists.").
  const serverText = e.code === 'validation_failed' ? undefined : pd.detail ?? pd.title;
  const out: Errors = {};
  const rest: string[] = [];
  for (const [key, msgs] of Object.entries(pd.errors ?? {})) {
    // "agentProfile.extension", "attachedDataKeys[0]" → the field that holds it.
    const base = key.replace(/\[\d+\]/g, '');
    const f = fields.find((x) => x.name.toLowerCase() === base.toLowerCase());
    if (f) out[f.name] = [out[f.name], ...msgs].filter(Boolean).join(' ');
    else rest.push(`${key}: ${msgs.join(' ')}`);
  }
  const owner = codeFields[e.code];
  if (owner && fields.some((f) => f.name === owner)) out[owner] = serverText ?? e.message;
  const sentence = serverText ?? e.message;
  const form = Object.keys(out).length && !rest.length ? (owner ? undefined : 'Check the fields marked below.') : [sentence, ...rest].join(' ');
  return { fields: out, form };
}

function Field({ f, id, value, error, onChange }: { f: FieldSpec; id: string; value: unknown; error?: string; onChange: (v: unknown) => void }) {
  const kind = f.kind ?? 'text';
  const errId = `${id}-error`;
  const hintId = f.hint ? `${id}-hint` : undefined;
  const described = [error ? errId : undefined, hintId].filter(Boolean).join(' ') || undefined;
  const err = <p id={errId} class="field-error" hidden={!error}>{error}</p>;
  const hint = f.hint ? <p id={hintId} class="hint muted small">{f.hint}</p> : null;
  if (kind === 'checkbox') {
    return (
      <div class="field">
        <label class="check"><input type="checkbox" id={id} name={f.name} checked={Boolean(value)} aria-describedby={described}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />{f.label}</label>
        {hint}{err}
      </div>
    );
  }
  if (kind === 'checkboxes') {
    const list = (value as string[]) ?? [];
    return (
      <fieldset class="field" aria-describedby={described} aria-invalid={error ? true : undefined}>
        <legend>{f.label}{f.required && <span aria-hidden="true"> *</span>}</legend>
        <div class="choices">
          {(f.options ?? []).map((o) => (
            <label class="check" key={o.value}>
              <input type="checkbox" name={f.name} value={o.value} checked={list.includes(o.value)}
                onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked ? [...list, o.value] : list.filter((x) => x !== o.value))} />
              {o.label}
            </label>
          ))}
          {(f.options ?? []).length === 0 && <span class="muted small">None to choose from.</span>}
        </div>
        {hint}{err}
      </fieldset>
    );
  }
  const common = {
    id, name: f.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, required: f.required,
    autocomplete: f.autocomplete,
  };
  let input: ComponentChildren;
  if (kind === 'select') {
    input = (
      <select {...common} value={String(value ?? '')} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  } else if (kind === 'list') {
    input = (
      <input {...common} type="text" value={((value as string[]) ?? []).join(', ')}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).value.split(',').map((x) => x.trim()).filter(Boolean))} />
    );
  } else {
    const type = (kind === 'datetime' ? 'datetime-local' : kind) as 'text';
    input = (
      <input {...common} type={type} value={String(value ?? '')} maxLength={f.maxLength} min={f.min} max={f.max}
        onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value)} />
    );
  }
  return (
    <div class="field">
      <label for={id}>{f.label}{f.required && <span aria-hidden="true"> *</span>}</label>
      {input}{hint}{err}
    </div>
  );
}

export interface FormProps {
  id: string;
  title: string;
  fields: FieldSpec[];
  initial: Values;
  submitLabel: string;
  /** Sends the values; a refusal is shown on the form. */
  onSubmit: (values: Values) => Promise<void>;
  onCancel?: () => void;
  /** Error codes that belong to one field (e.g. weak_password → password). */
  codeFields?: Record<string, string>;
  /** Rules across fields (e.g. a remote agent needs an agent number and a PIN): the message per field name. */
  check?: (values: Values) => Errors;
  children?: ComponentChildren;
}

export function Form({ id, title, fields, initial, submitLabel, onSubmit, onCancel, codeFields, check, children }: FormProps) {
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLFormElement>(null);

  const focusFirstError = (errs: Errors) => queueMicrotask(() => {
    const first = fields.find((f) => errs[f.name]);
    const el = first && ref.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first.name)}"]`);
    el?.focus();
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const errs = { ...check?.(values), ...validateFields(fields, values) };
    setErrors(errs);
    if (Object.keys(errs).length) { setFormError('Check the fields marked below.'); focusFirstError(errs); return; }
    setFormError(undefined);
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (x) {
      const m = problemMessages(x, fields, codeFields);
      setErrors(m.fields);
      setFormError(m.form);
      focusFirstError(m.fields);
    } finally { setBusy(false); }
  };

  return (
    <form ref={ref} class="card admin-form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p class="form-error" role="alert">{formError}</p>
      <div class="fields">
        {fields.map((f) => (
          <Field key={f.name} f={f} id={`${id}-${f.name.replace(/\./g, '-')}`} value={values[f.name]} error={errors[f.name]}
            onChange={(v) => setValues((cur) => ({ ...cur, [f.name]: v }))} />
        ))}
      </div>
      {children}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
        {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
