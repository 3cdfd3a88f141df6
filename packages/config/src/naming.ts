import type { Role, SubjectStrategy } from './model.js';

/** `OrderPlaced` → `order-placed`; `HTTPRequestSent` → `http-request-sent`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** The registry subject of an event under a subject name strategy, as Confluent's serializers derive it. */
export function subjectName(strategy: SubjectStrategy, topic: string, fullName: string, role: Role): string {
  switch (strategy) {
    case 'TopicNameStrategy':
      return `${topic}-${role}`;
    case 'RecordNameStrategy':
      return fullName;
    case 'TopicRecordNameStrategy':
      return `${topic}-${fullName}`;
  }
}
