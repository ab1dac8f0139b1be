import type { LabField } from "./lab-forms";

const INPUT =
  "w-full min-w-0 rounded border border-zinc-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900";

/** One Lab parameter: its label with the unit, the input that suits its kind, help, and any error. */
export function LabFieldInput({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string;
  field: LabField;
  value: string | boolean;
  error?: string;
  onChange: (value: string | boolean) => void;
}) {
  const inputId = `${id}-${field.path}`;
  const helpId = `${inputId}-help`;
  const errorId = `${inputId}-error`;
  const describedBy = [field.help ? helpId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const testId = `param-${field.path}`;

  if (field.kind === "boolean") {
    return (
      <div className="flex flex-col gap-0.5 text-sm">
        <label htmlFor={inputId} className="flex items-center gap-2 font-medium">
          <input
            id={inputId}
            type="checkbox"
            data-testid={testId}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={describedBy}
            className="size-4"
          />
          {field.label}
        </label>
        {field.help && (
          <p id={helpId} className="text-xs text-muted">
            {field.help}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="flex min-w-0 flex-col gap-0.5 text-sm">
      <label htmlFor={inputId} className="font-medium">
        {field.label}
        {field.unit && <span className="font-normal text-muted"> ({field.unit})</span>}
      </label>
      {field.kind === "choice" ? (
        <select
          id={inputId}
          data-testid={testId}
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
          className={INPUT}
        >
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={inputId}
          type="text"
          inputMode={field.kind === "list" ? "text" : "decimal"}
          autoComplete="off"
          spellCheck={false}
          data-testid={testId}
          value={String(value)}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`${INPUT} tabular-nums`}
        />
      )}
      {field.help && (
        <p id={helpId} className="text-xs text-muted">
          {field.help}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-xs text-red-700 dark:text-red-400" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
