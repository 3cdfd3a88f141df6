export { findIdlFiles } from './discover.js';
export { type LoadProjectOptions, loadProject, type Project, type ProjectEvent } from './load-project.js';
export { findProjectRoot } from './root.js';
