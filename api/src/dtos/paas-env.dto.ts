/** One environment variable of an app. */
export interface PaasEnvVariable {
  /** POSIX name: letters, digits and `_`, not starting with a digit. */
  name: string;
  /** The stored value when the list was revealed; `••••••` otherwise (see `masked`). */
  value: string;
  /** True when `value` is the mask, not the value. */
  masked: boolean;
}

/** An app's variables, by name. They reach the app with its next deployment (a restart keeps the running container's values). */
export interface PaasEnvList {
  variables: PaasEnvVariable[];
  /** True when the values are shown (`?reveal=true`, admins only; audited). */
  revealed: boolean;
}

export interface SetPaasEnvVariableRequest {
  /**
   * The new value: any text up to 8192 characters without NUL (an empty string is a value).
   * @maxLength 8192
   */
  value: string;
}
