declare module 'virtual:scenario-catalog' {
  const entries: unknown[];
  export default entries;
}
