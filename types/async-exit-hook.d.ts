declare module "async-exit-hook" {
  /** The part of async-exit-hook 2 this project uses (the package ships no types). */
  const exitHook: { unhookEvent(event: string): void };
  export default exitHook;
}
