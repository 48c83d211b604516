package schema

// This file holds the advanced kinds: distributed_lock,
// distributed_transaction, distributed_cache and message_queue.

// advancedBlocks returns the advanced kinds in spec order.
func advancedBlocks() []*Block {
	return []*Block{lockBlock(), transactionBlock(), cacheBlock(), messageQueueBlock()}
}

// lockBlock is the distributed_lock kind.
func lockBlock() *Block {
	return &Block{
		Kind:  "distributed_lock",
		Group: GroupAdvanced,
		Doc: "A lease-based lock (Redis, Redlock, ZooKeeper, etcd, Consul). A TTL lock can be held by two clients after a pause or failover; " +
			"protect data with a fencing token.",
		Body: obj(
			field("provider", enum("redis", "redlock", "zookeeper", "etcd", "consul"), "Lock service.", ex(`"redis"`), def("redis")),
			field("lock_key", Template{}, "Key of the lock; `{var}` placeholders are filled per call. In Redis Cluster braces mean a hash tag, so generators render them first.",
				ex(`"order:{order_id}"`), to("redis", "SET key token NX PX ttl", ""), to("etcd", "concurrency.NewMutex(session, prefix)", "")),
			field("ttl", posDuration, "Lease time: the lock expires this long after the last renewal. etcd raises TTLs below 2s; ZooKeeper clamps sessions to 4s–40s.",
				unit("lease"), ex(`"30s"`), def("30s (Redisson watchdog lease)"),
				to("redis", "PX", "ms"), to("etcd", "NewSession(WithTTL(s))", "seconds"), to("consul", "session TTL", "10s–24h")),
			field("retry", obj(
				field("max_attempts", posCount, "Acquisition attempts including the first.", unit("attempts incl. first"), ex("3"),
					to("redsync", "WithTries(n)", "")),
				field("delay", nonNegDur, "Wait between acquisition attempts.", ex(`"100ms"`), to("redsync", "WithRetryDelay(d)", "")),
			), "How to retry when the lock is taken.", ex(`{ max_attempts: 3 }`)),
			field("auto_renewal", obj(
				field("enabled", boolT, "Renew the lease while the holder runs.", ex("true")),
				field("interval", posDuration, "Renewal period; must be below `ttl`, ttl/3 is usual (Redisson renews every 10s for 30s).",
					ex(`"10s"`), def("ttl / 3 (Redisson)"), to("redsync", "Mutex.Extend() loop", "")),
			), "Lease renewal (watchdog).", ex("{ enabled: true }")),
			field("deadlock_detection", obj(
				field("enabled", boolT, "Whether stuck holders are detected. Redis has no deadlock detection; the TTL is the only guard.", ex("true")),
				field("timeout", posDuration, "Hold time after which a holder counts as stuck.", ex(`"60s"`), to("consul", "LockDelay", "")),
			), "Detection of holders that never release.", ex("{ enabled: true }")),
			field("nodes", listOf(HostPort{}), "Independent masters for Redlock: at least 3, normally 5 (odd).", ex(`["redis-1:6379"]`),
				def("5 (Redlock)"), to("redsync", "one pool per master", "")),
		),
	}
}

// transactionBlock is the distributed_transaction kind.
func transactionBlock() *Block {
	return &Block{
		Kind:  "distributed_transaction",
		Group: GroupAdvanced,
		Doc: "A transaction across services: saga (compensations), 2PC/3PC, TCC or outbox. Sagas give up isolation; " +
			"compensations and retried steps must be idempotent.",
		Body: &Object{Fields: []*Field{
			field("coordinator", enum("saga", "2pc", "3pc", "tcc", "outbox"), "Transaction protocol.", ex(`"saga"`), def("saga")),
			field("participants", serviceList, "Services taking part, in execution order.", ex(`["payment_service"]`)),
			field("compensation", &Object{
				OpenKeys:  field("<participant>", strT, "Action that undoes this participant's step; it must be idempotent."),
				KeysRefer: RefParticipant,
			}, "Undo action per participant; every key must be one of `participants`.", ex(`{ payment_service: "refund_payment" }`)),
			field("timeout", posDuration, "Deadline of the whole transaction; required in practice for 2PC/3PC, whose participants hold locks until the coordinator decides.",
				unit("whole transaction"), ex(`"30s"`)),
			retryField("Retry policy for steps. `retry: 3` is short for `{ max_attempts: 3 }`.", retryFields()[:2]),
			field("isolation", strT, "Isolation the transaction promises (sagas provide none by themselves).", ex(`"read_committed"`)),
		}},
	}
}

// cacheBlock is the distributed_cache kind.
func cacheBlock() *Block {
	return &Block{
		Kind:  "distributed_cache",
		Group: GroupAdvanced,
		Doc:   "A shared cache (Redis, Redis Cluster, Memcached, Hazelcast): nodes, sharding, replication, eviction and persistence.",
		Body: obj(
			field("provider", enum("redis", "redis_cluster", "memcached", "hazelcast"), "Cache server.", ex(`"redis"`), def("redis")),
			field("nodes", listOf(HostPort{PortRequired: true}), "Cache nodes as `host:port`. Redis Cluster needs ≥ 3 masters and 3 × factor nodes.",
				ex(`["redis-1:6379"]`), to("redis", "redis-cli --cluster create h:p …", "")),
			field("sharding", obj(
				field("strategy", enum("consistent_hashing", "hash_slot", "modulo", "range"),
					"How keys map to nodes. Redis Cluster always uses 16384 CRC16 hash slots.", ex(`"hash_slot"`), def("hash_slot for redis_cluster")),
				field("virtual_nodes", posCount, "Points per node on a consistent-hash ring (ignored by Redis Cluster).",
					unit("points per node"), ex("150")),
			), "Key distribution over nodes.", ex(`{ strategy: "hash_slot" }`)),
			field("replication", obj(replicationFields("Copies of each key including the primary; cannot exceed the node count.", "1")[:2]...),
				"Copies of each shard.", ex("{ factor: 2 }")),
			field("eviction", obj(
				field("policy", enum("lru", "lfu", "fifo", "random", "ttl", "noeviction"),
					"What is evicted at `max_memory`: lru→allkeys-lru, lfu→allkeys-lfu, random→allkeys-random, ttl→volatile-ttl. Redis has no FIFO.",
					ex(`"lru"`), def("noeviction (Redis); LRU only (memcached)"), to("redis", "maxmemory-policy", "allkeys-*")),
				field("max_memory", Size{Range: AtLeast(0, "")}, "Memory limit that triggers eviction (1024-based). Without it Redis never evicts.",
					unit("bytes (1024-based)"), ex(`"2gb"`), def("0 = no limit (64-bit Redis)"), to("redis", "maxmemory", "")),
				field("max_keys", posCount, "Key-count cap; Redis cannot express it.", unit("keys"), ex("1000000")),
			), "Eviction policy and limits.", ex(`{ policy: "lru" }`)),
			field("persistence", obj(
				field("enabled", boolT, "Whether data survives a restart.", ex("true")),
				field("rdb_interval", posDuration, "Snapshot period.", ex(`"1h"`),
					def("Redis: 3600s/1 change, 300s/100, 60s/10000"), to("redis", "save <seconds> 1", "")),
				field("aof_enabled", boolT, "Append-only file (fsync every second).", ex("true"), def("false"), to("redis", "appendonly yes", "")),
			), "Persistence of cache contents.", ex("{ enabled: true }")),
		),
	}
}

// messageQueueBlock is the message_queue kind (Kafka mapping).
func messageQueueBlock() *Block {
	return &Block{
		Kind:  "message_queue",
		Group: GroupAdvanced,
		Doc:   "A topic with its producer and consumer settings (Kafka, RabbitMQ, Pulsar, NATS, RocketMQ). Field semantics follow Kafka.",
		Body: obj(
			field("provider", enum("kafka", "rabbitmq", "pulsar", "nats", "rocketmq"), "Broker.", ex(`"kafka"`), def("kafka")),
			field("topic", strT, "Topic name.", ex(`"order_events"`)),
			field("partitions", Count{Range: AtLeast(1, "Kafka")}, "Partitions of the topic; can only grow. Consumers beyond this count in one group stay idle.",
				ex("6"), def("1 (broker num.partitions)"), to("kafka", "CreateTopics numPartitions", "")),
			field("replication_factor", Count{Range: AtLeast(1, "Kafka")}, "Copies of each partition; at most `brokers`. 3 is usual.",
				unit("copies"), ex("3"), def("1 (broker default.replication.factor)"), to("kafka", "CreateTopics replicationFactor", "")),
			field("min_insync_replicas", Count{Range: AtLeast(1, "Kafka")}, "Replicas that must have an acks=all write; at most `replication_factor`, usually RF − 1.",
				unit("replicas"), ex("2"), def("1"), to("kafka", "min.insync.replicas", "")),
			field("brokers", posCount, "Brokers in the cluster.", ex("3")),
			field("retention", obj(
				field("time", posDuration, "How long records are kept.", ex(`"7d"`), def("7d"), to("kafka", "retention.ms", "ms")),
				field("size", Size{Range: Above(0, "")}, "Size limit **per partition** (Kafka `retention.bytes`).", unit("bytes per partition"),
					ex(`"10gb"`), def("unlimited"), to("kafka", "retention.bytes", "per partition")),
			), "Retention limits.", ex(`{ time: "7d" }`)),
			field("producer", obj(
				field("acks", Enum{Members: []string{"0", "1", "all"}, Numeric: true},
					"Replicas that must confirm a write: 0, 1 or all (in-sync set). Written as a string or a number.",
					ex(`"all"`), def("all (Kafka ≥ 3.0)"), to("kafka", "acks", "")),
				field("retries", nonNegCount, "Extra sends after a failure (Kafka counts retries, not attempts).",
					unit("extra sends"), ex("3"), def("2147483647, bounded by delivery.timeout.ms 120s"), to("kafka", "retries", "")),
				field("batch_size", Size{Range: AtLeast(0, "Kafka")}, "Bytes per partition batch; 0 disables batching.", unit("bytes"),
					ex(`"16kb"`), def("16kb (16384)"), to("kafka", "batch.size", "bytes")),
				field("linger_ms", nonNegCount, "Milliseconds to wait for a batch to fill.", unit("ms"), ex("5"), def("5 (Kafka 4.0; 0 before)"),
					to("kafka", "linger.ms", "")),
				field("idempotent", boolT, "Exactly-once per partition; needs acks all and retries > 0.", ex("true"), def("true when no setting conflicts"),
					to("kafka", "enable.idempotence", "")),
			), "Producer settings.", ex(`{ acks: "all" }`)),
			field("consumer", obj(
				field("group_id", strT, "Consumer group; partitions are shared among its members.", ex(`"order_processor"`), to("kafka", "group.id", "")),
				field("auto_offset_reset", enum("earliest", "latest", "none"), "Where a group without a committed offset starts; `none` throws.",
					ex(`"earliest"`), def("latest"), to("kafka", "auto.offset.reset", "")),
				field("enable_auto_commit", boolT, "Commit offsets every 5s in the background; at-least-once only if each poll's records finish before the next poll.",
					ex("false"), def("true"), to("kafka", "enable.auto.commit", "")),
				field("max_poll_records", posCount, "Records per poll; they must be processed within max.poll.interval.ms (300s).",
					unit("records per poll"), ex("500"), def("500"), to("kafka", "max.poll.records", "")),
			), "Consumer settings.", ex(`{ group_id: "workers" }`)),
			field("dead_letter_queue", obj(
				field("enabled", boolT, "Send records that keep failing to a dead-letter topic (client side; not a broker feature).", ex("true")),
				field("topic", strT, "Dead-letter topic; must differ from `topic`.", ex(`"order_events_dlq"`)),
				field("max_retries", nonNegCount, "Handler retries before a record goes to the dead-letter topic.", ex("3")),
			), "Dead-letter handling.", ex("{ enabled: true }")),
		),
	}
}
