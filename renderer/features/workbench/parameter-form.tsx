import { useId, useState, type ReactNode } from 'react';
import type { ConnectionView, EndpointParameter, Organisation } from '../../../preload/contract';
import { parameterHint } from './catalogue-model';
import { CurlCopy } from './curl-copy';
import type { RequestForm } from './use-request-form';

/** The chosen endpoint's parameters as a form, and the request line they make, with its problems. */
export function ParameterForm({ connection, form }: { connection: ConnectionView; form: RequestForm }) {
  const { endpoint, preview } = form;
  if (!endpoint)
    return (
      <section className="card wb-parameters" aria-label="Parameters">
        <p className="muted">Pick an endpoint to fill in its parameters.</p>
      </section>
    );
  const names = new Set(endpoint.parameters.map((p) => p.name));
  const otherProblems = Object.entries(preview?.problems ?? {}).filter(([name]) => !names.has(name));
  return (
    <section className="card form wb-parameters" aria-labelledby="wb-parameters-title">
      <div>
        <h2 id="wb-parameters-title" className="section-title">
          {endpoint.name}
        </h2>
        {endpoint.description && <p className="hint">{endpoint.description}</p>}
      </div>
      {endpoint.parameters.length === 0 && <p className="muted">This endpoint takes no parameters.</p>}
      <div className="wb-fields">
        {endpoint.parameters.map((parameter) => (
          <ParameterField
            key={parameter.name}
            parameter={parameter}
            value={form.values[parameter.name] ?? ''}
            problem={preview?.problems[parameter.name] ?? null}
            organisations={connection.organisations}
            onChange={(value) => form.setValue(parameter.name, value)}
          />
        ))}
      </div>
      <div className="wb-request-line">
        <span className="label">Request</span>
        <p className="code" data-testid="workbench-request-line">
          <span className="wb-method">GET</span>{' '}
          {preview?.url ?? (preview ? 'Fill in the required parameters to see the address.' : 'Building the address…')}
        </p>
        {otherProblems.map(([name, problem]) => (
          <p key={name} className="wb-problem">
            {problem}
          </p>
        ))}
      </div>
      <CurlCopy request={form.request} ready={Boolean(preview?.url)} />
    </section>
  );
}

interface FieldProps {
  parameter: EndpointParameter;
  value: string;
  problem: string | null;
  organisations: readonly Organisation[];
  onChange(value: string): void;
}

/** One parameter: its label, the control its kind calls for, its hint and its problem (announced with the control). */
function ParameterField({ parameter, value, problem, organisations, onChange }: FieldProps) {
  const id = useId();
  const company = parameter.kind === 'company';
  const hint = company ? companyHint(parameter, value, organisations) : parameterHint(parameter);
  const described = [hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = {
    id,
    'aria-describedby': described,
    'aria-invalid': problem ? true : undefined,
    'aria-required': parameter.required || undefined,
  };
  return (
    <div className="field">
      <label className="label" htmlFor={id}>
        {company ? 'Organisation' : parameter.name}
        {parameter.required && <span className="wb-required"> (required)</span>}
      </label>
      <ParameterControl
        parameter={parameter}
        value={value}
        organisations={organisations}
        control={control}
        onChange={onChange}
      />
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {problem && (
        <span className="wb-problem" id={`${id}-problem`}>
          {problem}
        </span>
      )}
    </div>
  );
}

interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

function companyHint(parameter: EndpointParameter, value: string, organisations: readonly Organisation[]): string {
  const chosen = organisations.find((o) => o.companyId === value);
  const sent = chosen ? `Sent as ${parameter.name} ${chosen.companyId}.` : `Sent as ${parameter.name}.`;
  return organisations.length === 0
    ? `This connection lists no organisations: type the organisation id. ${sent}`
    : `The organisations this connection covers, by name; or another organisation id. ${sent}`;
}

function ParameterControl({
  parameter,
  value,
  organisations,
  control,
  onChange,
}: Omit<FieldProps, 'problem'> & { control: ControlProps }) {
  const text = (type: string, extra: Record<string, string | number> = {}) => (
    <input
      {...control}
      type={type}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      spellCheck={false}
      autoComplete="off"
      {...extra}
    />
  );
  const range = {
    ...(parameter.minimum !== null && { min: parameter.minimum }),
    ...(parameter.maximum !== null && { max: parameter.maximum }),
  };
  switch (parameter.kind) {
    case 'company':
      if (organisations.length === 0) return text('text', { className: 'mono' });
      return (
        <ChoiceWithOther
          control={control}
          choices={organisations.map((o) => ({ value: o.companyId, label: o.name }))}
          otherLabel="Another organisation id…"
          otherName="Organisation id"
          value={value}
          optional={false}
          onChange={onChange}
          testId="workbench-organisation"
        />
      );
    case 'enum':
      return (
        <ChoiceWithOther
          control={control}
          choices={parameter.values.map((v) => ({ value: v, label: v }))}
          otherLabel="Other…"
          otherName={`${parameter.name}, another value`}
          value={value}
          optional={!parameter.required}
          onChange={onChange}
        />
      );
    case 'boolean':
      return (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {!parameter.required && <option value="">— leave out —</option>}
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      );
    case 'integer':
      return text('number', { step: 1, ...range });
    case 'number':
      return text('number', { step: 'any', ...range });
    case 'date':
      return text('date');
    case 'date-time':
      return text('datetime-local', { step: 1 });
    case 'text':
      return text('text');
  }
}

const OTHER = '\u0000other';

/** A list of known values, plus free text for one it does not know (an organisation id, an enum value the document lacks). */
function ChoiceWithOther({
  control,
  choices,
  otherLabel,
  otherName,
  value,
  optional,
  onChange,
  testId,
}: {
  control: ControlProps;
  choices: readonly { value: string; label: string }[];
  otherLabel: string;
  otherName: string;
  value: string;
  optional: boolean;
  onChange(value: string): void;
  testId?: string;
}): ReactNode {
  const [otherChosen, setOtherChosen] = useState(false);
  const listed = choices.some((c) => c.value === value);
  const other = otherChosen || (value !== '' && !listed);
  const choose = (chosen: string) => {
    setOtherChosen(chosen === OTHER);
    onChange(chosen === OTHER ? '' : chosen);
  };
  return (
    <>
      <select {...control} value={other ? OTHER : value} onChange={(e) => choose(e.target.value)} data-testid={testId}>
        {(optional || value === '') && !other && <option value="">{optional ? '— leave out —' : '— choose —'}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
        <option value={OTHER}>{otherLabel}</option>
      </select>
      {other && (
        <input
          type="text"
          className="mono"
          aria-label={otherName}
          aria-describedby={control['aria-describedby']}
          aria-invalid={control['aria-invalid']}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      )}
    </>
  );
}
