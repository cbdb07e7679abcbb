// @cwm/task-detail: <cwm-task-detail>, the editor every widget opens for one task (issue 7, in progress).
export {};
