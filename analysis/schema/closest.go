package schema

import "strings"

// Closest returns the candidate nearest to name by optimal-string-alignment
// distance (Levenshtein plus adjacent transpositions), compared without
// case. ok is false when nothing is close enough to be a plausible typo:
// the allowed distance grows with the length of name (1 up to 4 letters,
// 2 up to 8, then 3, and always less than the length of name), so "ttl"
// never suggests "tcp" and "2" never suggests "0", but "exponental"
// suggests "exponential". Ties go to the earlier candidate, so callers pass
// candidates in their preferred order (schema order).
func Closest(name string, candidates []string) (string, bool) {
	lower := strings.ToLower(name)
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(lower, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 || bestDist > min(allowedDistance(len(name)), len(name)-1) {
		return "", false
	}
	return best, true
}

// allowedDistance is the typo budget for a name of n bytes.
func allowedDistance(n int) int {
	switch {
	case n <= 4:
		return 1
	case n <= 8:
		return 2
	default:
		return 3
	}
}

// editDistance is the optimal string alignment distance between a and b,
// counted over bytes (names are ASCII identifiers and enum members).
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
