// The part of autocannon's API the bench scripts use (the package ships no types).
declare module 'autocannon' {
  interface Result {
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Instance extends PromiseLike<Result> {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void,
    ): Instance;
  }
  function autocannon(options: Record<string, unknown>): Instance;
  export default autocannon;
}
