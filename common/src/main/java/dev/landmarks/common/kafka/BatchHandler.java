package dev.landmarks.common.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

/**
 * The work of a batch stage: the raw records of one poll in, every record to publish out (results, failures and
 * dead letters alike). Pure with respect to Kafka, so it is unit-tested with records in memory. Throwing aborts the
 * whole batch: nothing of it is published and its offsets are not committed, so it will be read again.
 */
@FunctionalInterface
public interface BatchHandler {
    List<ProducerRecord<byte[], byte[]>> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws Exception;
}
