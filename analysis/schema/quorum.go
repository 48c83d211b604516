package schema

// Quorum returns the majority quorum of n members, ⌊n/2⌋ + 1: the fewest
// members whose agreement guarantees any two quorums overlap (etcd FAQ,
// Raft). It is 0 for n ≤ 0.
func Quorum(n int) int {
	if n <= 0 {
		return 0
	}
	return n/2 + 1
}

// FailuresTolerated returns how many of n members may fail while a
// majority remains: n − Quorum(n) = ⌊(n−1)/2⌋ (1→0, 2→0, 3→1, 4→1, 5→2,
// 6→2, 7→3). An even size adds a member without adding tolerance, which is
// why rules CN001/CN002 warn about it.
func FailuresTolerated(n int) int {
	if n <= 0 {
		return 0
	}
	return n - Quorum(n)
}

// QuorumsOverlap reports R + W > N, the Dynamo condition under which every
// read quorum meets the latest write quorum (rule CN010).
func QuorumsOverlap(read, write, n int) bool { return read+write > n }
