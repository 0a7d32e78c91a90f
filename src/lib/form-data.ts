/**
 * A submitted form's own fields. React adds hidden `$ACTION_…` inputs to a form whose action
 * keeps state (useActionState), and a script-driven submit sends them too; everything else
 * must match the action's strict schema. An action's argument is whatever the caller posted:
 * anything but a FormData has no fields (and so fails the schema instead of crashing).
 */
export function formFields(formData: unknown): Record<string, FormDataEntryValue> {
  if (!(formData instanceof FormData)) return {};
  return Object.fromEntries([...formData].filter(([key]) => !key.startsWith('$ACTION_')));
}
