// The facilitator's desk, in its own chunk: one place asks for it.
export const loadDeskModule = () => import('./desk.ts');
