import { FIELD } from "./styles";

/** "Your name in the room": what the others see beside your messages, scores and comments. */
export function DisplayNameField({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label className="block space-y-1 text-sm">
      <span>Your name in the room</span>
      <input
        data-testid={testId}
        required
        maxLength={40}
        autoComplete="nickname"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={FIELD}
      />
    </label>
  );
}
