// Tests read JSON bodies loosely and assert on them; production code never relies on this.
export {};
declare global {
  interface Response {
    json(): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
}
