package schema

import "time"

// This file holds the consistency kind and the replication types that
// dynamic_consistency and distributed_cache share.

// consistencyLevels are the client-visible guarantees, strongest first.
var consistencyLevels = enum("strong", "bounded_staleness", "session", "eventual", "weak")

// syncModes are the replication acknowledgement modes.
var syncModes = enum("sync", "semi_sync", "async")

// consistencyBlock is the consistency kind.
func consistencyBlock() *Block {
	return &Block{
		Kind:  "consistency",
		Group: GroupCore,
		Doc: "Replication and consensus for a data store: protocol, cluster size, Raft timing and replication mode. " +
			"A majority quorum is q = ⌊n/2⌋ + 1 and tolerates f = ⌊(n−1)/2⌋ failures.",
		Body: obj(
			field("type", enum("raft", "paxos", "zab", "multi_paxos", "epaxos", "primary_backup", "quorum", "crdt"),
				"Replication protocol. raft/paxos/zab/multi_paxos/epaxos are majority-quorum consensus; `quorum` is Dynamo-style R/W quorums; `crdt` converges without coordination.",
				ex(`"raft"`), def("raft"),
				to("etcd", "(raft)", ""), to("consul", "(raft)", ""), to("zookeeper", "(zab)", "")),
			field("nodes", Count{Range: AtLeast(1, "")},
				"Cluster members. Quorum ⌊n/2⌋ + 1; tolerates ⌊(n−1)/2⌋ failures (1→0, 2→0, 3→1, 4→1, 5→2, 6→2, 7→3). Use an odd number, at most 7.",
				unit("members"), ex("3"), def("3 (smallest fault-tolerant size)"),
				to("etcd", "--initial-cluster", "member count"),
				to("kubernetes", "StatefulSet.spec.replicas", "")),
			field("election_timeout", Duration{Range: AtLeast(ms(5*time.Millisecond), "hashicorp/raft"), Unit: "ms"},
				"How long a follower waits without a heartbeat before starting an election. Must exceed the heartbeat; etcd requires ≥ 5× and advises 10× the heartbeat, and ≥ 10× the network RTT.",
				unit("ms"), ex(`"1s"`), def("1000ms (etcd, hashicorp/raft); Raft paper 150–300ms on a LAN"),
				toDef("etcd", "--election-timeout", "ms", "1000"),
				to("hashicorp-raft", "Config.ElectionTimeout", "")),
			field("heartbeat_interval", Duration{Range: Above(0, "etcd"), Unit: "ms"},
				"Leader heartbeat period; about the round-trip time between members, and the same on all members.",
				unit("ms"), ex(`"100ms"`), def("100ms (etcd)"),
				toDef("etcd", "--heartbeat-interval", "ms", "100"),
				to("hashicorp-raft", "Config.HeartbeatTimeout", "")),
			field("snapshot_interval", Count{Range: AtLeast(1, "")},
				"Applied log entries between snapshots; older entries are compacted after a snapshot.",
				unit("applied log entries"), ex("10000"),
				def("100000 (etcd --snapshot-count); 8192 entries checked every 120s (hashicorp/raft)"),
				toDef("etcd", "--snapshot-count", "", "100000"),
				to("hashicorp-raft", "Config.SnapshotThreshold", "")),
			field("log_compaction", obj(
				field("enabled", boolT, "Whether the replicated log is compacted after snapshots.", ex("true"), def("true (etcd)")),
				field("retention_policy", strT, "Which entries survive compaction, e.g. `\"keep_last_1000\"`.", ex(`"keep_last_1000"`),
					to("etcd", "--auto-compaction-mode / --auto-compaction-retention", "")),
			), "Log compaction: keeps the replicated log from growing without bound.", ex("{ enabled: true }")),
			field("network_partition", obj(
				field("tolerance", enum("minority", "majority", "none"),
					"Which side of a partition keeps serving. A quorum protocol keeps only the majority side alive, so it survives losing a minority; `majority` is impossible for quorum types.",
					ex(`"minority"`), def("minority")),
				field("auto_recovery", boolT, "Whether members rejoin and catch up automatically once the partition heals.", ex("true")),
			), "Behaviour under network partitions.", ex(`{ tolerance: "minority" }`)),
			field("data_replication", obj(replicationFields("Copies of each item including the primary; cannot exceed `nodes`.", "= nodes for consensus types")...),
				"How data is copied between members and what readers may observe.", ex("{ factor: 3 }")),
			field("read_quorum", Count{Range: AtLeast(1, "")},
				"Replicas a read waits for (quorum systems). Strong reads need R + W > N.",
				unit("replicas"), ex("2"), def("⌊N/2⌋ + 1 (Cassandra QUORUM)"),
				to("cassandra", "consistency level", "")),
			field("write_quorum", Count{Range: AtLeast(1, "")},
				"Replicas a write waits for (quorum systems). Strong reads need R + W > N.",
				unit("replicas"), ex("2"), def("⌊N/2⌋ + 1 (Cassandra QUORUM)"),
				to("cassandra", "consistency level", "")),
		),
	}
}

// replicationFields are the members of a data_replication object;
// factorDoc and factorDefault differ between consistency and caches.
func replicationFields(factorDoc, factorDefault string) []*Field {
	return []*Field{
		field("factor", Count{Range: AtLeast(1, "")}, factorDoc,
			unit("copies incl. primary"), ex("3"), def(factorDefault),
			to("redis", "redis-cli --cluster-replicas", "factor − 1"),
			to("kafka", "replication.factor", "")),
		field("sync_mode", syncModes,
			"When a write is acknowledged: after every replica has it (`sync`), after one (`semi_sync`) or at once (`async`). `async` with `strong` can lose acknowledged writes on failover.",
			ex(`"sync"`), def("sync for consensus types; async for Redis"),
			to("redis", "min-replicas-to-write / WAIT", "async only")),
		field("consistency_level", consistencyLevels,
			"Guarantee readers get, strongest first: strong, bounded_staleness, session, eventual, weak.",
			ex(`"strong"`), def("strong")),
	}
}
