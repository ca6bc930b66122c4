/** The names of a form's text fields (those whose value is a string). */
export type TextKeys<F> = { [P in keyof F]: F[P] extends string ? P : never }[keyof F] & string;

/** What a TextField or TextArea takes to show and edit one text field of a form, with its API error. */
export interface BoundField {
  value: string;
  onValue(value: string): void;
  error: string | undefined;
}

export function bindField<F>(
  form: F,
  set: (patch: Partial<F>) => void,
  fields: Record<string, string>,
  name: TextKeys<F>,
): BoundField {
  return {
    value: form[name] as string,
    onValue: (value) => set({ [name]: value } as Partial<F>),
    error: fields[name],
  };
}
