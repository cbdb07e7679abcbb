export * from './dependency-graph.js';
export * from './cycles.js';
export * from './topological-order.js';
