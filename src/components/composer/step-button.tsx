/**
 * A button that keeps its focus while it cannot act (aria-disabled, not disabled). `label`, its
 * accessible name, starts with the visible `text` and names what it acts on.
 */
export function StepButton({
  id,
  text,
  label,
  isInert,
  onClick,
}: {
  id?: string;
  text: string;
  label: string;
  isInert: boolean;
  onClick: () => void;
}) {
  return (
    <button
      id={id}
      type="button"
      className="admin-button composer-button"
      aria-label={label}
      aria-disabled={isInert || undefined}
      onClick={isInert ? undefined : onClick}
    >
      {text}
    </button>
  );
}
