/**
 * The Kafka open metadata topic connector: every server's event bus (cohort topics, access service
 * topics, the integration daemon's listeners). Start-up, shutdown and the errors not in the core table.
 */
import type { MessageEntry } from '../types'

const KAFKA_RESTART = 'Check Kafka and the topic; once fixed, restart the server so it reconnects.'

export const KAFKA_MESSAGES: readonly MessageEntry[] = [
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0002', severity: 'Startup', source: 'lifecycle', meaning: 'The properties given to the Kafka producer of a topic (bootstrap servers among them).', action: 'Check bootstrap.servers here when Kafka errors follow.' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0003', severity: 'Startup', source: 'lifecycle', meaning: 'The properties given to the Kafka consumer of a topic (bootstrap servers among them).', action: 'Check bootstrap.servers here when Kafka errors follow.' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0004', severity: 'Shutdown', source: 'lifecycle', meaning: 'The Kafka connector of a topic is shutting down.', action: 'None.' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0009', severity: 'Error', source: 'nested', meaning: 'An event read from Kafka could not be handed to the server\'s components.', action: 'Read the exception: the fault is in the component that received the event, not in Kafka.' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0010', severity: 'Startup', source: 'lifecycle', meaning: 'The Kafka producer of a topic is starting, with the number of events buffered while it was down.', action: 'None: buffered events are sent now.' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0011', severity: 'Shutdown', source: 'lifecycle', meaning: 'The Kafka producer of a topic is stopping, with counts of sent and unsent events.', action: 'Unsent events are lost unless the server restarts with Kafka up.' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0016', severity: 'Shutdown', source: 'third-party', meaning: 'Closing the Kafka connector of a topic failed; some resources may leak.', action: 'Check Kafka\'s own logs; restart the server if resources are exhausted.', subjectDefault: 'Kafka' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0017', severity: 'Exception', source: 'third-party', meaning: 'Committing consumed offsets to Kafka failed; events may stop flowing.', action: KAFKA_RESTART, subjectDefault: 'Kafka' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0018', severity: 'Information', source: 'third-party', meaning: 'Kafka rebalanced the consumer before it committed events it had read; they may be delivered again.', action: 'Review the consumer heartbeat and batch settings if this repeats.', subjectDefault: 'Kafka' },
  { id: 'OCF-KAFKA-TOPIC-CONNECTOR-0019', severity: 'Exception', source: 'third-party', meaning: 'The Kafka producer could not connect to its topic.', action: 'Check Kafka is up and the producer properties (bootstrap servers, security) are right; then restart the server.', subjectDefault: 'Kafka' }
]
