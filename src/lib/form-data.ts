/**
 * A submitted form's own fields. React adds hidden `$ACTION_…` inputs to a form whose action
 * keeps state (useActionState), and a script-driven submit sends them too; everything else
 * must match the action's strict schema.
 */
export function formFields(formData: FormData): Record<string, FormDataEntryValue> {
  return Object.fromEntries([...formData].filter(([key]) => !key.startsWith('$ACTION_')));
}
